package dev.cwlifecycle.store;

/** What a conditional directory write did. */
public enum UpsertOutcome {
    /** The entry was absent or older, and now holds the given data. */
    UPSERTED,
    /** The directory already held data at least as new; nothing was written. */
    UNCHANGED
}
