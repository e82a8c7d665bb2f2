package dev.cwlifecycle.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import dev.cwlifecycle.store.RunSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The function's output and its log line: the tenant, how the run ended, and what it did ({@code summary} is null
 * for a skipped run, which did nothing).
 */
@RegisterForReflection(targets = {SyncResult.class, SyncResult.Status.class, RunSummary.class, RunSummary.Mode.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncResult(String tenant, Status status, RunSummary summary, CallbackEntry callback) {

    public enum Status {
        /** Every page was read and written; the watermark moved to the run's start. */
        COMPLETE,
        /** Stopped before the function timeout: the watermark stayed, the next run redoes the gap. */
        INCOMPLETE,
        /** Another run held the tenant's lease; this one did nothing. */
        SKIPPED,
        /** The member callback was registered for the tenant ({@code callback}). */
        CALLBACK_REGISTERED,
        /** An identical member callback already existed and is reported, not duplicated. */
        CALLBACK_EXISTS
    }

    static SyncResult skipped(String tenant) {
        return new SyncResult(tenant, Status.SKIPPED, null, null);
    }

    static SyncResult of(String tenant, RunSummary summary) {
        return new SyncResult(tenant, summary.complete() ? Status.COMPLETE : Status.INCOMPLETE, summary, null);
    }

    static SyncResult of(String tenant, CallbackRegistration.Registered registered) {
        return new SyncResult(tenant, registered.created() ? Status.CALLBACK_REGISTERED : Status.CALLBACK_EXISTS,
                null, registered.entry());
    }
}
