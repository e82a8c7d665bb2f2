package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.Conditions;
import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.MemberQuery;
import dev.cwlifecycle.connectwise.Page;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run's traffic between ConnectWise and the directory: pages of members stream through (each written while the
 * next is fetched), never all members at once. Each step answers false when the budget ran out before it finished.
 */
final class SyncPass implements AutoCloseable {

    private static final String[] FIELDS = DirectoryEntry.MEMBER_FIELDS.toArray(String[]::new);

    private final ConnectWiseClient client;
    private final MemberDirectory directory;
    private final String tenant;
    private final RunBudget budget;
    private final Clock clock;
    private final RunTally tally = new RunTally();
    private final PageWriter writer = new PageWriter();
    private Instant startedAt;

    SyncPass(ConnectWiseClient client, MemberDirectory directory, RunBudget budget, Clock clock) {
        this.client = client;
        this.directory = directory;
        this.tenant = client.tenant();
        this.budget = budget;
        this.clock = clock;
    }

    /**
     * ConnectWise's time when it answered the run's first request (its {@code Date} header): everything changed
     * before it has been read once the pass completes. Null before the first answer.
     */
    Instant startedAt() {
        return startedAt;
    }

    RunTally tally() {
        return tally;
    }

    /** Re-reads the members whose callback could not be applied; those ConnectWise no longer has are tombstoned. */
    boolean refreshPending() {
        for (List<Long> chunk : PendingChunks.of(directory.pendingMemberIds(tenant))) {
            Set<Long> found = new HashSet<>();
            if (!walk(MemberQuery.where(Conditions.field("id").inIds(chunk)).fields(FIELDS),
                    page -> page.forEach(member -> found.add(member.id())), this::upsert)) {
                return false;
            }
            int gone = (int) chunk.stream().filter(id -> !found.contains(id))
                    .filter(id -> directory.tombstone(tenant, id, startedAt)).count();
            tally.tombstoned(gone);
        }
        return true;
    }

    /** Members ConnectWise changed after {@code since}. */
    boolean changedSince(Instant since) {
        return walk(MemberQuery.where(Conditions.field("lastUpdated").gt(since)).fields(FIELDS), page -> { },
                this::upsert);
    }

    /** Every member, active or not; directory entries ConnectWise no longer has are tombstoned. */
    boolean everyMember() {
        Reconciliation reconciliation = new Reconciliation(directory, tenant, client.siteClock(), tally);
        boolean complete = walk(MemberQuery.all().fields(FIELDS), page -> { }, page -> {
            Reconciliation.PageWrites writes = reconciliation.newerThanStored(page, startedAt);
            insert(writes.absent());
            upsert(writes.stale());
        });
        if (complete) {
            reconciliation.rest(startedAt);
        }
        return complete;
    }

    @Override
    public void close() {
        writer.close();
    }

    /**
     * Fetches page after page while the budget lasts, hands each to {@code write} on the writer thread, and waits
     * for the last write. {@code onFetched} sees each page on this thread first.
     */
    private boolean walk(MemberQuery query, Consumer<List<Member>> onFetched, Consumer<List<Member>> write) {
        Iterator<Page<Member>> pages = client.memberPages(query).iterator();
        boolean complete;
        try {
            complete = fetchWhileBudgetLasts(pages, onFetched, write);
        } catch (RuntimeException failure) {
            writer.settle(failure);
            throw failure;
        }
        writer.awaitWritten();
        return complete;
    }

    private boolean fetchWhileBudgetLasts(Iterator<Page<Member>> pages, Consumer<List<Member>> onFetched,
                                          Consumer<List<Member>> write) {
        // the budget is checked before hasNext(): asking a lazy page stream whether there is more fetches it
        while (!budget.spent()) {
            Instant asked = startedAt == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : null;
            if (!pages.hasNext()) {
                return true;
            }
            Page<Member> page = pages.next();
            if (startedAt == null) {
                // without a Date header, our own clock from before the request; the overlap absorbs the skew
                startedAt = page.serverDate() != null ? page.serverDate() : asked;
            }
            List<Member> members = page.items();
            tally.fetched(members.size());
            onFetched.accept(members);
            writer.write(() -> write.accept(members));
        }
        return false;
    }

    private void insert(List<Member> absent) {
        if (!absent.isEmpty()) {
            tally.written(Map.of(UpsertOutcome.UPSERTED, directory.insertAbsent(entries(absent))));
        }
    }

    private void upsert(List<Member> members) {
        if (!members.isEmpty()) {
            tally.written(directory.upsertAllIfNewer(entries(members)));
        }
    }

    private List<DirectoryEntry> entries(List<Member> members) {
        return members.stream().map(member -> DirectoryEntry.of(tenant, member, DirectoryEntry.Source.SYNC)).toList();
    }
}
