package dev.cwlifecycle.store;

import java.time.Instant;

/** What one sync run did, kept as the stream's last run. Watermarks are null when there was none. */
public record RunSummary(
        Mode mode,
        int pages,
        long seen,
        long upserted,
        long unchanged,
        long tombstoned,
        long requests,
        long durationMillis,
        Instant oldWatermark,
        Instant newWatermark,
        boolean complete) {

    public enum Mode {
        /** Members changed since the watermark. */
        INCREMENTAL,
        /** Every member, pruning directory entries ConnectWise no longer has. */
        FULL
    }
}
