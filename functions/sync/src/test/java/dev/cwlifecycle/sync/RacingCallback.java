package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real directory, except that {@code callback} runs once right before the first batch of absent members is
 * written: after the run read that stretch of the directory, before it writes it. Counts the entries each kind of
 * write was given.
 */
final class RacingCallback extends ForwardingDirectory {

    private final Runnable callback;
    private final AtomicInteger inserted = new AtomicInteger();
    private final AtomicInteger upserted = new AtomicInteger();

    RacingCallback(MemberDirectory directory, Runnable callback) {
        super(directory);
        this.callback = callback;
    }

    int inserted() {
        return inserted.get();
    }

    int upserted() {
        return upserted.get();
    }

    @Override
    public int insertAbsent(List<DirectoryEntry> entries) {
        if (inserted.getAndAdd(entries.size()) == 0) {
            callback.run();
        }
        return directory.insertAbsent(entries);
    }

    @Override
    public Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page) {
        upserted.addAndGet(page.size());
        return directory.upsertAllIfNewer(page);
    }
}
