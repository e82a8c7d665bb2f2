package dev.cwlifecycle.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.RequestCounter;
import dev.cwlifecycle.store.Lease;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.SyncStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One sync run for one tenant: under the tenant's lease, pending members first, then the members changed since the
 * watermark (less the overlap) or, in full mode and on the first run, every member with deletes pruned. The
 * watermark moves only after a complete pass, and only to ConnectWise's time at the run's first answer, never to
 * the newest {@code lastUpdated} seen: a member changed behind the cursor during the run is read by the next one.
 */
@ApplicationScoped
public class Synchronizer {

    /** The sync-state stream this function keeps. */
    public static final String STREAM = "members";
    private static final Logger LOG = Logger.getLogger(Synchronizer.class);

    private final ConnectWiseClients clients;
    private final SyncStateStore state;
    private final MemberDirectory directory;
    private final SyncConfig config;
    private final Duration leaseTtl;
    private final Clock clock;

    /** Our clock may differ from ConnectWise's: it times leases and runs; the watermark is ConnectWise's. */
    @Inject
    public Synchronizer(ConnectWiseClients clients, SyncStateStore state, MemberDirectory directory,
                        SyncConfig config, StoreConfig storeConfig, Clock clock) {
        this.clock = clock;
        this.clients = clients;
        this.state = state;
        this.directory = directory;
        this.config = config;
        this.leaseTtl = storeConfig.functionTimeout().plus(config.leaseGrace());
    }

    /** Runs unless another run holds the tenant's lease (then skipped); a failure is thrown after it is recorded. */
    public SyncResult run(String tenant, RunSummary.Mode requested, RunBudget budget) {
        Optional<Lease> lease = state.acquireLease(tenant, STREAM, UUID.randomUUID().toString(), leaseTtl,
                clock.instant());
        if (lease.isEmpty()) {
            SyncResult skipped = SyncResult.skipped(tenant);
            LOG.infof("sync run %s", json(skipped));
            return skipped;
        }
        try {
            return runHolding(lease.get(), requested, budget);
        } finally {
            state.releaseLease(lease.get());
        }
    }

    private SyncResult runHolding(Lease lease, RunSummary.Mode requested, RunBudget budget) {
        Instant began = clock.instant();
        Instant oldWatermark = state.watermark(lease.tenant(), STREAM).orElse(null);
        RunSummary.Mode mode = oldWatermark == null ? RunSummary.Mode.FULL : requested;
        RequestCounter requests = new RequestCounter();
        try (SyncPass pass = new SyncPass(clients.forTenant(lease.tenant()).counting(requests), directory, budget,
                clock)) {
            boolean complete;
            try {
                complete = pass.refreshPending() && (mode == RunSummary.Mode.FULL ? pass.everyMember()
                        : pass.changedSince(oldWatermark.minus(config.overlap())));
            } catch (RuntimeException failure) {
                RunSummary summary = summary(mode, pass.tally(), requests, began, oldWatermark, oldWatermark, false);
                try {
                    state.recordRun(lease, summary);
                } catch (RuntimeException notRecorded) {
                    failure.addSuppressed(notRecorded);
                }
                LOG.errorf("sync run failed %s: %s", json(SyncResult.of(lease.tenant(), summary)), failure.toString());
                throw failure;
            }
            Instant newWatermark = complete ? advance(lease, pass.startedAt(), oldWatermark) : oldWatermark;
            RunSummary summary = summary(mode, pass.tally(), requests, began, oldWatermark, newWatermark, complete);
            state.recordRun(lease, summary);
            SyncResult result = SyncResult.of(lease.tenant(), summary);
            LOG.infof("sync run %s", json(result));
            return result;
        }
    }

    private Instant advance(Lease lease, Instant to, Instant oldWatermark) {
        if (state.advanceWatermark(lease, to)) {
            return to;
        }
        LOG.warnf("sync for tenant %s kept watermark %s: the lease was lost or it is not behind %s", lease.tenant(),
                oldWatermark, to);
        return oldWatermark;
    }

    private RunSummary summary(RunSummary.Mode mode, RunTally tally, RequestCounter requests, Instant began,
                               Instant oldWatermark, Instant newWatermark, boolean complete) {
        return new RunSummary(mode, tally.pages(), tally.seen(), tally.upserted(), tally.unchanged(),
                tally.tombstoned(), requests.requests(), Duration.between(began, clock.instant()).toMillis(),
                oldWatermark, newWatermark, complete);
    }

    private static String json(SyncResult result) {
        try {
            return ConnectWiseJson.MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
