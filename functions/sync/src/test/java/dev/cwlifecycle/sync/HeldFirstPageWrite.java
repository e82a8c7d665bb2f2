package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real directory, except that the first page write is held until the test releases it, and each page write's
 * start and end are told to {@code timeline}: a test sees what the run does while a page is being written.
 */
final class HeldFirstPageWrite extends ForwardingDirectory {

    /** Only guards against a run that never releases the write; how long the write waits is not asserted. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Consumer<String> timeline;
    private final CountDownLatch release = new CountDownLatch(1);
    private int pages;

    HeldFirstPageWrite(MemberDirectory directory, Consumer<String> timeline) {
        super(directory);
        this.timeline = timeline;
    }

    void release() {
        release.countDown();
    }

    @Override
    public Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page) {
        int number = ++pages;
        timeline.accept("write " + number + " started");
        if (number == 1) {
            try {
                release.await(GIVE_UP.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Map<UpsertOutcome, Integer> outcomes = directory.upsertAllIfNewer(page);
        timeline.accept("write " + number + " finished");
        return outcomes;
    }
}
