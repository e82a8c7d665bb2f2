package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.UpsertOutcome;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a run has done so far; pages are counted as they are fetched, writes on the thread that made them. */
final class RunTally {

    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong upserted = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong tombstoned = new AtomicLong();

    void fetched(int members) {
        pages.incrementAndGet();
        seen.addAndGet(members);
    }

    void written(Map<UpsertOutcome, Integer> outcomes) {
        upserted.addAndGet(outcomes.getOrDefault(UpsertOutcome.UPSERTED, 0));
        unchanged.addAndGet(outcomes.getOrDefault(UpsertOutcome.UNCHANGED, 0));
    }

    /** Members not written because the directory already held them as new. */
    void alreadyCurrent(int count) {
        unchanged.addAndGet(count);
    }

    void tombstoned(int count) {
        tombstoned.addAndGet(count);
    }

    int pages() {
        return pages.get();
    }

    long seen() {
        return seen.get();
    }

    long upserted() {
        return upserted.get();
    }

    long unchanged() {
        return unchanged.get();
    }

    long tombstoned() {
        return tombstoned.get();
    }
}
