package dev.cwlifecycle.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Per tenant and stream: who may sync now (the lease), how far the sync got (the watermark), the last run. */
public interface SyncStateStore {

    /** The lease when it was free, expired or already ours; empty while another run holds it. */
    Optional<Lease> acquireLease(String tenant, String stream, String owner, Duration ttl, Instant now);

    /** Gives the lease up if this owner still holds it. */
    void releaseLease(Lease lease);

    Optional<Instant> watermark(String tenant, String stream);

    /** Moves the watermark forward to {@code to}; false when the lease is lost or the watermark is not behind. */
    boolean advanceWatermark(Lease lease, Instant to);

    /** Keeps the summary as the stream's last run; false when the lease is lost and nothing was written. */
    boolean recordRun(Lease lease, RunSummary summary);

    Optional<RunSummary> lastRun(String tenant, String stream);
}
