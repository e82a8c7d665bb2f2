package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The one ConnectWise client per tenant, sharing one REST Client per site, codebase cache and retry policy. */
@ApplicationScoped
public class ConnectWiseClients {

    private final ConnectWiseConfig config;
    private final CredentialsSource credentials;
    private final Clock clock;
    private final AttemptObserver observer;
    private final HttpTransport transport;
    private final CodebaseDiscovery codebases;
    private final RetryPolicy retry;
    private final Map<String, ConnectWiseClient> clients = new ConcurrentHashMap<>();

    /** Every attempt counted into the invocation's metrics. */
    @Inject
    public ConnectWiseClients(ConnectWiseConfig config, CredentialsSource credentials, Metrics metrics, Clock clock) {
        this(config, credentials, clock, metrics::connectWiseAttempt, new RetryPolicy(config.retry()));
    }

    public ConnectWiseClients(ConnectWiseConfig config, CredentialsSource credentials, Clock clock) {
        this(config, credentials, clock, AttemptObserver.NONE, new RetryPolicy(config.retry()));
    }

    ConnectWiseClients(ConnectWiseConfig config, CredentialsSource credentials, Clock clock,
                       AttemptObserver observer, RetryPolicy retry) {
        this.config = config;
        this.credentials = credentials;
        this.clock = clock;
        this.observer = observer;
        this.transport = new HttpTransport(config);
        this.retry = retry;
        this.codebases = new CodebaseDiscovery(transport, retry, config);
    }

    public ConnectWiseClient forTenant(String tenant) {
        return clients.computeIfAbsent(tenant, name -> new ConnectWiseClient(
                new TenantConnection(name, credentials, transport, codebases, retry, new RequestCounter(),
                        new SiteClock(clock, config.clockSkew()), observer), config, clock));
    }
}
