package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real directory, except that the first page write is held until the test releases it, and each page write's
 * start and end are told to {@code timeline}: a test sees what the run does while a page is being written.
 */
final class HeldFirstPageWrite implements MemberDirectory {

    /** Only guards against a run that never releases the write; how long the write waits is not asserted. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final MemberDirectory directory;
    private final Consumer<String> timeline;
    private final CountDownLatch release = new CountDownLatch(1);
    private int pages;

    HeldFirstPageWrite(MemberDirectory directory, Consumer<String> timeline) {
        this.directory = directory;
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

    @Override
    public UpsertOutcome upsertIfNewer(DirectoryEntry entry) {
        return directory.upsertIfNewer(entry);
    }

    @Override
    public boolean overwrite(DirectoryEntry entry, DirectoryEntry stored) {
        return directory.overwrite(entry, stored);
    }

    @Override
    public boolean tombstone(String tenant, long memberId, Instant at) {
        return directory.tombstone(tenant, memberId, at);
    }

    @Override
    public boolean markPending(String tenant, long memberId, Instant at) {
        return directory.markPending(tenant, memberId, at);
    }

    @Override
    public Optional<DirectoryEntry> get(String tenant, long memberId) {
        return directory.get(tenant, memberId);
    }

    @Override
    public List<DirectoryEntry> findByEmail(String tenant, String email) {
        return directory.findByEmail(tenant, email);
    }

    @Override
    public Stream<DirectoryEntry> scan(String tenant) {
        return directory.scan(tenant);
    }

    @Override
    public List<Long> pendingMemberIds(String tenant) {
        return directory.pendingMemberIds(tenant);
    }
}
