package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the member callback ({@code type member}, {@code level owner}, {@code objectId 1}) for a tenant's
 * callback URL, idempotently: an identical registration is found and reused, never duplicated. ConnectWise posts to
 * the exact URL registered, so a tenant other than {@code default} belongs in it ({@code .../{tenant}} or
 * {@code ?tenant=}).
 */
@ApplicationScoped
public class CallbackRegistration {

    public static final String DESCRIPTION = "cw-lifecycle member directory";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    /** The registration in ConnectWise; {@code created} is false when an identical one was reused. */
    public record Registered(CallbackEntry entry, boolean created) {
    }

    private final ConnectWiseClients clients;

    @Inject
    public CallbackRegistration(ConnectWiseClients clients) {
        this.clients = clients;
    }

    /**
     * @param callbackUrl https, or http for a loopback host (local runs)
     * @throws IllegalArgumentException when {@code callbackUrl} is neither, before any request
     */
    public Registered register(String tenant, String callbackUrl) {
        requireCallbackUrl(callbackUrl);
        ConnectWiseClient client = clients.forTenant(tenant);
        CallbackEntry wanted = CallbackEntry.forMembers(DESCRIPTION, callbackUrl);
        Optional<CallbackEntry> existing = find(client, wanted);
        if (existing.isPresent()) {
            return new Registered(existing.get(), false);
        }
        try {
            return new Registered(client.registerCallback(wanted), true);
        } catch (BadRequestException refused) {
            if (!refused.objectExists()) {
                throw refused;
            }
            // another registration landed between our list and our POST: that one is ours to reuse
            return new Registered(find(client, wanted).orElseThrow(() -> refused), false);
        }
    }

    private static Optional<CallbackEntry> find(ConnectWiseClient client, CallbackEntry wanted) {
        return client.callbacks().stream().filter(wanted::sameSubscriptionAs).findFirst();
    }

    private static void requireCallbackUrl(String callbackUrl) {
        URI uri;
        try {
            uri = new URI(String.valueOf(callbackUrl));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The callback URL is not a URL");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost());
        if (!https && !localHttp) {
            throw new IllegalArgumentException("The callback URL must be an absolute https URL (http only for a "
                    + "loopback host)");
        }
    }
}
