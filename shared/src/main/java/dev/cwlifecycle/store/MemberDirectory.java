package dev.cwlifecycle.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The mirror of ConnectWise members per tenant: newest data wins, whichever path delivers it first. */
public interface MemberDirectory {

    /**
     * Writes the entry unless the directory holds one at least as new ({@code lastUpdated}); so a
     * tombstone gives way only to a strictly newer record. A pending row also takes an equally new one.
     */
    UpsertOutcome upsertIfNewer(DirectoryEntry entry);

    /**
     * Writes the member as ConnectWise answered a write of ours, unless the directory holds strictly newer data.
     * ConnectWise stamps to the second, so a row as new as our answer is most likely the change our write followed
     * (a create's callback before a deactivation in the same second); were it a later one, its stamp equals ours
     * and the next full sync, which repairs rows that contradict ConnectWise, puts it right.
     */
    UpsertOutcome upsertOurWrite(DirectoryEntry entry);

    /** {@link #upsertIfNewer} for a page of members, written in parallel; counts every outcome. */
    Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page);

    /**
     * Writes entries the directory did not hold when the caller read it (a full run's members absent from the
     * directory at its page's read), without a condition, in batches: one request per 25 items instead of one each.
     * Safe because such a row can only have appeared since that read, from a callback or a provision of a change
     * made after the run started; the next incremental run reads that change again and its conditional write
     * restores the newer row. A delete in that window (a tombstone) shows again until the next full run, which
     * tombstones it as it would after a lost delete callback. Answers how many entries were written.
     */
    int insertAbsent(List<DirectoryEntry> entries);

    /**
     * Writes {@code entry}, ConnectWise's current member, over {@code stored} whatever their stamps: a full sync's
     * repair of a row that contradicts ConnectWise (e.g. dated in the future). False, and nothing written, when the
     * row changed since it was read as {@code stored}.
     */
    boolean overwrite(DirectoryEntry entry, DirectoryEntry stored);

    /** Marks the member deleted as of {@code at}; false when the directory holds newer data. */
    boolean tombstone(String tenant, long memberId, Instant at);

    /**
     * Flags a member whose callback at {@code at} could not be applied, unless data at least as new is already
     * stored; false when nothing was flagged for that reason.
     */
    boolean markPending(String tenant, long memberId, Instant at);

    Optional<DirectoryEntry> get(String tenant, long memberId);

    /** Entries whose office email is {@code email}, ignoring case; tombstones included. */
    List<DirectoryEntry> findByEmail(String tenant, String email);

    /** Every entry of the tenant, read page by page as the stream is consumed. */
    Stream<DirectoryEntry> scan(String tenant);

    /**
     * The members flagged by {@link #markPending} and not refreshed since, in id order. Read from an index that may
     * lag by a moment: a flag just set may show only to the next sync, a member just refreshed may show once more.
     */
    List<Long> pendingMemberIds(String tenant);
}
