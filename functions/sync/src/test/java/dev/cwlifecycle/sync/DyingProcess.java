package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.Lease;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.SyncStateStore;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real directory and sync state as one Lambda process sees them, until the test kills the process (its timeout
 * or a crash): from then on nothing it asks reaches DynamoDB, so it neither writes another page nor releases its
 * lease nor records its run, exactly what a killed run leaves behind.
 */
final class DyingProcess implements MemberDirectory, SyncStateStore {

    private final MemberDirectory directory;
    private final SyncStateStore state;
    private volatile boolean killed;

    DyingProcess(MemberDirectory directory, SyncStateStore state) {
        this.directory = directory;
        this.state = state;
    }

    void kill() {
        killed = true;
    }

    private <T> T alive(Supplier<T> call) {
        if (killed) {
            throw new IllegalStateException("the process was killed");
        }
        return call.get();
    }

    @Override
    public UpsertOutcome upsertIfNewer(DirectoryEntry entry) {
        return alive(() -> directory.upsertIfNewer(entry));
    }

    @Override
    public UpsertOutcome upsertOurWrite(DirectoryEntry entry) {
        return alive(() -> directory.upsertOurWrite(entry));
    }

    @Override
    public Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page) {
        return alive(() -> directory.upsertAllIfNewer(page));
    }

    @Override
    public int insertAbsent(List<DirectoryEntry> entries) {
        return alive(() -> directory.insertAbsent(entries));
    }

    @Override
    public boolean overwrite(DirectoryEntry entry, DirectoryEntry stored) {
        return alive(() -> directory.overwrite(entry, stored));
    }

    @Override
    public boolean tombstone(String tenant, long memberId, Instant at) {
        return alive(() -> directory.tombstone(tenant, memberId, at));
    }

    @Override
    public boolean markPending(String tenant, long memberId, Instant at) {
        return alive(() -> directory.markPending(tenant, memberId, at));
    }

    @Override
    public Optional<DirectoryEntry> get(String tenant, long memberId) {
        return alive(() -> directory.get(tenant, memberId));
    }

    @Override
    public List<DirectoryEntry> findByEmail(String tenant, String email) {
        return alive(() -> directory.findByEmail(tenant, email));
    }

    @Override
    public Stream<DirectoryEntry> scan(String tenant) {
        return alive(() -> directory.scan(tenant).peek(entry -> alive(() -> entry)));
    }

    @Override
    public List<Long> pendingMemberIds(String tenant) {
        return alive(() -> directory.pendingMemberIds(tenant));
    }

    @Override
    public Optional<Lease> acquireLease(String tenant, String stream, String owner, Duration ttl, Instant now) {
        return alive(() -> state.acquireLease(tenant, stream, owner, ttl, now));
    }

    @Override
    public void releaseLease(Lease lease) {
        alive(() -> {
            state.releaseLease(lease);
            return null;
        });
    }

    @Override
    public Optional<Instant> watermark(String tenant, String stream) {
        return alive(() -> state.watermark(tenant, stream));
    }

    @Override
    public boolean advanceWatermark(Lease lease, Instant to) {
        return alive(() -> state.advanceWatermark(lease, to));
    }

    @Override
    public boolean recordRun(Lease lease, RunSummary summary) {
        return alive(() -> state.recordRun(lease, summary));
    }

    @Override
    public Optional<RunSummary> lastRun(String tenant, String stream) {
        return alive(() -> state.lastRun(tenant, stream));
    }
}
