package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.store.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The scheduled event in, the run's result out; the Lambda function and the local server both call {@link #handle}.
 * The Lambda context does not reach a Funqy function, so the time budget comes from the configured timeout.
 */
@ApplicationScoped
public class SyncHandler {

    private final Synchronizer synchronizer;
    private final CallbackRegistration callbacks;
    private final SyncConfig config;
    private final StoreConfig storeConfig;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public SyncHandler(Synchronizer synchronizer, CallbackRegistration callbacks, SyncConfig config,
                       StoreConfig storeConfig) {
        this.synchronizer = synchronizer;
        this.callbacks = callbacks;
        this.config = config;
        this.storeConfig = storeConfig;
    }

    public SyncResult handle(SyncRequest request) {
        SyncRequest given = request == null ? new SyncRequest(null, null, null, null) : request;
        MDC.put("correlationId", given.id() == null ? UUID.randomUUID().toString() : given.id());
        try {
            if (given.registersCallback()) {
                return SyncResult.of(given.targetTenant(), callbacks.register(given.targetTenant(),
                        given.targetCallbackUrl()));
            }
            Instant deadline = clock.instant().plus(storeConfig.functionTimeout()).minus(config.safetyMargin());
            return synchronizer.run(given.targetTenant(), given.targetMode(), new RunBudget(clock, deadline));
        } finally {
            MDC.remove("correlationId");
        }
    }
}
