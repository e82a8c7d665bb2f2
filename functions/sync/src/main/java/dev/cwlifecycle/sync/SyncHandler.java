package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.lambda.Correlation;
import dev.cwlifecycle.metrics.MetricNames;
import dev.cwlifecycle.metrics.Metrics;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.StoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The scheduled event in, the run's result out; the Lambda function and the local server both call {@link #handle}.
 * The Lambda context does not reach a Funqy function, so the time budget comes from the configured timeout. Each
 * invocation ends by emitting its metrics: the run's status and the counts of its summary.
 */
@ApplicationScoped
public class SyncHandler {

    private final Synchronizer synchronizer;
    private final CallbackRegistration callbacks;
    private final SyncConfig config;
    private static final String FUNCTION = "sync";

    private final StoreConfig storeConfig;
    private final Metrics metrics;
    private final Clock clock;

    @Inject
    public SyncHandler(Synchronizer synchronizer, CallbackRegistration callbacks, SyncConfig config,
                       StoreConfig storeConfig, Metrics metrics, Clock clock) {
        this.clock = clock;
        this.synchronizer = synchronizer;
        this.callbacks = callbacks;
        this.config = config;
        this.storeConfig = storeConfig;
        this.metrics = metrics;
    }

    public SyncResult handle(SyncRequest request) {
        SyncRequest given = request == null ? new SyncRequest(null, null, null, null) : request;
        try (Correlation correlation = Correlation.of(given.id() == null ? UUID.randomUUID().toString() : given.id())) {
            return run(given);
        }
    }

    private SyncResult run(SyncRequest given) {
        try {
            if (given.registersCallback()) {
                return SyncResult.of(given.targetTenant(), callbacks.register(given.targetTenant(),
                        given.targetCallbackUrl()));
            }
            Instant deadline = clock.instant().plus(storeConfig.functionTimeout()).minus(config.safetyMargin());
            return recorded(synchronizer.run(given.targetTenant(), given.targetMode(), new RunBudget(clock, deadline)));
        } catch (RuntimeException failed) {
            if (!given.registersCallback()) {
                metrics.count(given.targetTenant(), MetricNames.syncRun("failed"));
                metrics.count(given.targetTenant(), MetricNames.SYNC_NOT_COMPLETE);
            }
            throw failed;
        } finally {
            metrics.emit(FUNCTION);
        }
    }

    /** The run's status, and for a run that did something its summary's counts and whether it completed. */
    private SyncResult recorded(SyncResult result) {
        metrics.count(result.tenant(), MetricNames.syncRun(result.status().name().toLowerCase(Locale.ROOT)));
        RunSummary summary = result.summary();
        if (summary != null) {
            metrics.add(result.tenant(), MetricNames.SYNC_NOT_COMPLETE, summary.complete() ? 0 : 1, Unit.COUNT);
            metrics.add(result.tenant(), MetricNames.syncRunCount("seen"), summary.seen(), Unit.COUNT);
            metrics.add(result.tenant(), MetricNames.syncRunCount("upserted"), summary.upserted(), Unit.COUNT);
            metrics.add(result.tenant(), MetricNames.syncRunCount("tombstoned"), summary.tombstoned(), Unit.COUNT);
            metrics.add(result.tenant(), MetricNames.syncRunCount("duration"), summary.durationMillis(),
                    Unit.MILLISECONDS);
        }
        return result;
    }
}
