package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.RunSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The function's output and its log line: the tenant, how the run ended, and what it did ({@code summary} is null
 * for a skipped run, which did nothing).
 */
@RegisterForReflection(targets = {SyncResult.class, SyncResult.Status.class, RunSummary.class, RunSummary.Mode.class})
public record SyncResult(String tenant, Status status, RunSummary summary) {

    public enum Status {
        /** Every page was read and written; the watermark moved to the run's start. */
        COMPLETE,
        /** Stopped before the function timeout: the watermark stayed, the next run redoes the gap. */
        INCOMPLETE,
        /** Another run held the tenant's lease; this one did nothing. */
        SKIPPED
    }

    static SyncResult skipped(String tenant) {
        return new SyncResult(tenant, Status.SKIPPED, null);
    }

    static SyncResult of(String tenant, RunSummary summary) {
        return new SyncResult(tenant, summary.complete() ? Status.COMPLETE : Status.INCOMPLETE, summary);
    }
}
