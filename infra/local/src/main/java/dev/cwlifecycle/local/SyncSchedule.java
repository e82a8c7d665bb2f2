package dev.cwlifecycle.local;

import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The EventBridge schedules, locally: an incremental sync every {@code cw.local.sync-interval} from the start and a
 * full one every {@code cw.local.full-sync-interval}, through the sync function's own handler. A run still going
 * when the next is due is not doubled (the function's lease would skip it anyway).
 */
@ApplicationScoped
public class SyncSchedule {

    private static final Logger LOG = Logger.getLogger(SyncSchedule.class);

    private final SyncHandler sync;
    private final LocalStack stack;
    private final LocalConfig config;

    @Inject
    public SyncSchedule(SyncHandler sync, LocalStack stack, LocalConfig config) {
        this.sync = sync;
        this.stack = stack;
        this.config = config;
    }

    @Scheduled(identity = "incremental-sync", every = "${cw.local.sync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void incremental() {
        run("incremental");
    }

    @Scheduled(identity = "full-sync", every = "${cw.local.full-sync-interval}",
            delayed = "${cw.local.full-sync-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void full() {
        run("full");
    }

    /** A failed run is reported in one line and retried at the next tick, as the next scheduled event would. */
    private void run(String mode) {
        if (!stack.ready()) {
            return;
        }
        try {
            sync.handle(new SyncRequest(null, config.tenant(), mode, null));
        } catch (RuntimeException failure) {
            LOG.warnf("%s sync failed: %s", mode, failure.toString());
        }
    }
}
