package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The real directory, for a test's directory that changes one step of it. */
abstract class ForwardingDirectory implements MemberDirectory {

    final MemberDirectory directory;

    ForwardingDirectory(MemberDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UpsertOutcome upsertIfNewer(DirectoryEntry entry) {
        return directory.upsertIfNewer(entry);
    }

    @Override
    public UpsertOutcome upsertOurWrite(DirectoryEntry entry) {
        return directory.upsertOurWrite(entry);
    }

    @Override
    public Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page) {
        return directory.upsertAllIfNewer(page);
    }

    @Override
    public int insertAbsent(List<DirectoryEntry> entries) {
        return directory.insertAbsent(entries);
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
