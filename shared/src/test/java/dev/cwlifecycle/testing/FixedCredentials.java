package dev.cwlifecycle.testing;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Credentials for client tests that are not about where credentials come from; counts refreshes. */
public final class FixedCredentials implements CredentialsSource {

    private final AtomicReference<ConnectWiseCredentials> current;
    private final AtomicInteger refreshes = new AtomicInteger();

    public FixedCredentials(ConnectWiseCredentials credentials) {
        this.current = new AtomicReference<>(credentials);
    }

    /** The simulator's default tenant, on its loopback site, codebase left to discovery. */
    public static FixedCredentials forSimulator(String baseUrl) {
        return new FixedCredentials(new ConnectWiseCredentials(baseUrl, "acme", "pub-acme", "priv-acme",
                "0f1e2d3c-aaaa-bbbb-cccc-000000000001", null, null));
    }

    @Override
    public ConnectWiseCredentials credentials(String tenant) {
        return current.get();
    }

    @Override
    public ConnectWiseCredentials refresh(String tenant) {
        refreshes.incrementAndGet();
        return current.get();
    }

    public void replace(ConnectWiseCredentials next) {
        current.set(next);
    }

    public int refreshes() {
        return refreshes.get();
    }
}
