package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.SiteClock;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A full run's comparison of ConnectWise with the directory, one page at a time. ConnectWise's keyset pages and the
 * directory (sort key memberId) both come in ascending id order, so the two are merge-walked: entries ConnectWise no
 * longer has are tombstoned (deletes never show in {@code lastUpdated} polling), and members the directory already
 * holds as new are not written again (a refused conditional write still costs a write). The full run is the
 * authority: a row that contradicts ConnectWise is overwritten whatever its stamp says, when the stamp cannot be a
 * change made around or after the run's start (it is older than the start by more than the clock skew, or
 * future-dated). Only one page's entries are held at a time.
 */
final class Reconciliation {

    private final MemberDirectory directory;
    private final String tenant;
    private final SiteClock siteClock;
    private final RunTally tally;
    private final Iterator<DirectoryEntry> entries;
    private DirectoryEntry next;

    Reconciliation(MemberDirectory directory, String tenant, SiteClock siteClock, RunTally tally) {
        this.directory = directory;
        this.tenant = tenant;
        this.siteClock = siteClock;
        this.tally = tally;
        this.entries = directory.scan(tenant).iterator();
        advance();
    }

    /**
     * The page's members to write: those the directory lacked when the page's stretch of it was read ({@code absent}:
     * batched, see {@link MemberDirectory#insertAbsent}) and those it held older or pending ({@code stale}:
     * conditional writes).
     */
    record PageWrites(List<Member> absent, List<Member> stale) {
    }

    /**
     * Walks the directory up to the page's last id, tombstoning as of {@code at} the entries the page lacks (a keyset
     * page holds every member between the previous page's last id and its own), and answers the page's members the
     * directory lacks or holds older.
     */
    PageWrites newerThanStored(List<Member> page, Instant at) {
        if (page.isEmpty()) {
            return new PageWrites(List.of(), List.of());
        }
        Set<Long> present = page.stream().map(Member::id).collect(Collectors.toSet());
        long last = page.stream().mapToLong(Member::id).max().orElseThrow();
        Map<Long, DirectoryEntry> stored = new HashMap<>();
        while (next != null && next.memberId() <= last) {
            if (present.contains(next.memberId())) {
                stored.put(next.memberId(), next);
            } else {
                tombstone(next, at);
            }
            advance();
        }
        List<Member> newer = page.stream().filter(member -> newer(member, stored.get(member.id()))).toList();
        long repaired = page.stream().filter(member -> !newer(member, stored.get(member.id())))
                .filter(member -> repaired(DirectoryEntry.of(tenant, member, DirectoryEntry.Source.SYNC),
                        stored.get(member.id()), at)).count();
        tally.written(Map.of(UpsertOutcome.UPSERTED, (int) repaired));
        tally.alreadyCurrent(page.size() - newer.size() - (int) repaired);
        return new PageWrites(newer.stream().filter(member -> !stored.containsKey(member.id())).toList(),
                newer.stream().filter(member -> stored.containsKey(member.id())).toList());
    }

    /** Tombstones the entries beyond the last page: ConnectWise has no member after it. */
    void rest(Instant at) {
        while (next != null) {
            tombstone(next, at);
            advance();
        }
    }

    /** The directory's own rule, read ahead: a pending row is always refreshed, others only by newer data. */
    private static boolean newer(Member member, DirectoryEntry entry) {
        return entry == null || entry.pending() || entry.lastUpdated() == null
                || member.lastUpdated().isAfter(entry.lastUpdated());
    }

    /**
     * Overwrites a row that says something else than ConnectWise (other data, a later stamp, a tombstone) unless it
     * may be a change made around or after the run's start: such a stamp is left to the next run.
     */
    private boolean repaired(DirectoryEntry current, DirectoryEntry stored, Instant runStart) {
        boolean contradicts = stored.deleted() || !stored.lastUpdated().equals(current.lastUpdated())
                || !stored.sameMemberData(current);
        // a skew before the run's start: a stamp from our clock (a tombstone) may run behind ConnectWise's
        boolean settled = stored.lastUpdated().isBefore(runStart.minus(siteClock.skew()))
                || siteClock.isFutureDated(stored.lastUpdated());
        return contradicts && settled && directory.overwrite(current, stored);
    }

    private void tombstone(DirectoryEntry entry, Instant at) {
        if (!entry.deleted() && directory.tombstone(tenant, entry.memberId(), at)) {
            tally.tombstoned(1);
        }
    }

    private void advance() {
        next = entries.hasNext() ? entries.next() : null;
    }
}
