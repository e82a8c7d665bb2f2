package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes requests for one tenant: today's credentials, the site's codebase, retries. Two recoveries sit around
 * the retries: a 401 re-reads the credentials once (the keys may have been rotated) and tries once more; a 404
 * for the route itself forgets a discovered codebase (the cloud site was upgraded) and tries once more.
 */
final class TenantConnection {

    private final String tenant;
    private final CredentialsSource credentials;
    private final HttpTransport transport;
    private final CodebaseDiscovery codebases;
    private final RetryPolicy retry;
    private final RequestCounter counter;
    private final SiteClock siteClock;
    private final AttemptObserver observer;

    TenantConnection(String tenant, CredentialsSource credentials, HttpTransport transport,
                     CodebaseDiscovery codebases, RetryPolicy retry, RequestCounter counter, SiteClock siteClock,
                     AttemptObserver observer) {
        this.tenant = tenant;
        this.credentials = credentials;
        this.transport = transport;
        this.codebases = codebases;
        this.retry = retry;
        this.counter = counter;
        this.siteClock = siteClock;
        this.observer = observer;
    }

    TenantConnection countingInto(RequestCounter operationCounter) {
        return new TenantConnection(tenant, credentials, transport, codebases, retry, operationCounter,
                siteClock, observer);
    }

    SiteClock siteClock() {
        return siteClock;
    }

    String tenant() {
        return tenant;
    }

    ApiResponse execute(ApiRequest request) {
        try {
            return onCurrentCodebase(request, credentials.credentials(tenant));
        } catch (UnauthorizedException refused) {
            return onCurrentCodebase(request, credentials.refresh(tenant));
        }
    }

    private ApiResponse onCurrentCodebase(ApiRequest request, ConnectWiseCredentials current) {
        try {
            return withRetries(request, current);
        } catch (NotFoundException missing) {
            if (missing.routeMissing() && codebases.forget(current)) {
                return withRetries(request, current);
            }
            throw missing;
        }
    }

    private ApiResponse withRetries(ApiRequest request, ConnectWiseCredentials current) {
        String apiBase = SiteAddress.of(current).apiBase(codebases.codebase(current));
        AtomicInteger attempt = new AtomicInteger();
        ApiResponse response = retry.call(() -> {
            counter.increment();
            int number = attempt.incrementAndGet();
            try {
                ApiResponse answer = transport.send(apiBase, request, current, number);
                observer.attempted(tenant, answer.status(), number);
                return answer;
            } catch (ConnectWiseException failed) {
                observer.attempted(tenant, failed.status(), number);
                throw failed;
            }
        });
        response.serverDate().ifPresent(siteClock::saw);
        return response;
    }
}
