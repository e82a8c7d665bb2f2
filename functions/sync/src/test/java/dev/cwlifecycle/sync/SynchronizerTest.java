package dev.cwlifecycle.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.testing.ConsoleMembers;
import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.SyncStateStore;
import dev.cwlifecycle.testing.FunctionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = FunctionTestResource.class, initArgs = @ResourceArg(name = "members", value = "10000"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SynchronizerTest {

    static final String TENANT = "default";
    static final String FIELDS = String.join(",", DirectoryEntry.MEMBER_FIELDS);
    private static final long FIRST_ID = 101;
    private static final int SEEDED = 10_000;
    /**
     * The members tests change: over 1,000 (two pages), spread across every id, and the same ones each time, since
     * every incremental run re-reads the last two minutes' changes (the overlap).
     */
    private static final List<Long> CHANGED = LongStream.range(0, 1100).map(i -> FIRST_ID + 9 * i).boxed().toList();
    private static final long LAST_CHANGED = CHANGED.get(CHANGED.size() - 1);
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** A member no other test changes, on the first page. */
    private static final long RACED = FIRST_ID + 1;

    @Inject
    SyncHandler handler;
    @Inject
    Synchronizer synchronizer;
    @Inject
    SyncStateStore syncState;
    @Inject
    MemberDirectory directory;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    StoreConfig storeConfig;
    @Inject
    SyncConfig config;
    @Inject
    ConnectWiseClients clients;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.simulator();
        members = simulator.members("acme");
        simulator.faults().clear();
        BetweenPages.clear();
    }

    @AfterEach
    void stopActing() {
        BetweenPages.clear();
        simulator.faults().clear();
    }

    // first: the other tests change thousands of members, which incremental runs re-read for the overlap's two minutes
    @Test
    @Order(1)
    void firstRunReadsEveryMemberInKeysetPagesThenAnImmediateIncrementalReadsOnePage() {
        new StoredState(dynamo, storeConfig).forget(TENANT);
        assertEquals(SEEDED, members.size());
        simulator.requestLog().clear();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SyncResult first = incremental();

        Instant after = Instant.now();
        RunSummary run = first.summary();
        assertEquals(SyncResult.Status.COMPLETE, first.status());
        assertEquals(RunSummary.Mode.FULL, run.mode(), "no watermark yet: the first run is a full pass");
        assertEquals(SEEDED, run.seen());
        assertEquals(SEEDED, run.upserted());
        assertEquals(0, run.tombstoned());
        List<RecordedRequest> lists = memberLists();
        // 10 full pages, then the empty page that ends the scan: a forward-only page always links a next one
        assertEquals(11, lists.size());
        assertEquals(11, run.pages());
        assertEquals(11, run.requests());
        for (int i = 0; i < lists.size(); i++) {
            RecordedRequest list = lists.get(i);
            assertEquals("forward-only", list.headers().get("pagination-type"));
            assertEquals("1000", list.query().get("pageSize"));
            assertEquals(FIELDS, list.query().get("fields"));
            assertNull(list.query().get("conditions"));
            assertEquals(i == 0 ? null : String.valueOf(FIRST_ID - 1 + 1000L * i), list.query().get("pageId"));
        }
        Instant watermark = watermark();
        assertFalse(watermark.isBefore(before), "the watermark is the server's time at the run's first answer, "
                + "not the newest lastUpdated (all seeded ones are older): " + watermark);
        assertFalse(watermark.isAfter(after));
        assertEquals(watermark, run.newWatermark());
        assertNull(run.oldWatermark());
        assertEquals(SEEDED, assertDirectoryMirrorsConnectWise());
        assertEquals(run, syncState.lastRun(TENANT, Synchronizer.STREAM).orElseThrow());

        simulator.requestLog().clear();
        SyncResult second = incremental();

        assertEquals(SyncResult.Status.COMPLETE, second.status());
        assertEquals(RunSummary.Mode.INCREMENTAL, second.summary().mode());
        assertEquals(0, second.summary().upserted());
        assertEquals(second.summary().seen(), second.summary().unchanged());
        assertEquals(1, second.summary().requests());
        RecordedRequest only = single(memberLists());
        assertEquals("lastUpdated>[" + watermark.minus(Duration.ofMinutes(2)) + "]", only.query().get("conditions"));
        assertEquals(FIELDS, only.query().get("fields"));
        assertEquals("forward-only", only.headers().get("pagination-type"));
        assertEquals("1000", only.query().get("pageSize"));
        assertEquals(watermark, second.summary().oldWatermark());
    }

    @Test
    @Order(2)
    void aFirstFillBatchesTheAbsentMembersAndACallbackThatRacedABatchWinsAtTheNextIncrementalRun() {
        // GIVEN an empty directory, and a change ConnectWise makes during the full run whose callback is applied after
        // the run read its first page's stretch of the directory (the member absent) and before that page is written
        new StoredState(dynamo, storeConfig).forget(TENANT);
        String raced = "Raced" + PEOPLE.incrementAndGet();
        RacingCallback racing = new RacingCallback(directory, () -> {
            members.update(RACED, member -> member.put("lastName", raced));
            directory.upsertIfNewer(DirectoryEntry.of(TENANT, clients.forTenant(TENANT).member(RACED),
                    DirectoryEntry.Source.CALLBACK));
        });
        Synchronizer firstFill = new Synchronizer(clients, syncState, racing, config, storeConfig, Clock.systemUTC());

        // WHEN the first run fills the directory
        SyncResult first = firstFill.run(TENANT, RunSummary.Mode.FULL,
                new RunBudget(Clock.systemUTC(), Instant.now().plus(Duration.ofMinutes(1))));

        // THEN every member went in through the batched inserts, none through a conditional put; the batch wrote the
        // page's older data over the callback's row
        assertEquals(SyncResult.Status.COMPLETE, first.status());
        assertEquals(members.size(), racing.inserted());
        assertEquals(0, racing.upserted());
        assertEquals(members.size(), first.summary().upserted());
        assertNotEquals(raced, entry(RACED).lastName());

        // WHEN the next incremental run reads what changed since the full run started
        incremental();

        // THEN the callback's change wins, and the directory mirrors ConnectWise
        assertEquals(raced, entry(RACED).lastName());
        assertDirectoryMirrorsConnectWise();
    }

    @Test
    void eachPageIsWrittenToTheDirectoryWhileTheNextIsFetched() {
        givenSynced();
        String lastName = "Aside" + PEOPLE.incrementAndGet();
        changeMembers(lastName);
        List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        HeldFirstPageWrite held = new HeldFirstPageWrite(directory, timeline::add);
        AtomicInteger answered = new AtomicInteger();
        BetweenPages.on(simulator, list -> {
            int page = answered.incrementAndGet();
            timeline.add("page " + page + " answered");
            if (page == 2) {
                held.release();
            }
        });
        Synchronizer writingAside = new Synchronizer(clients, syncState, held, config, storeConfig, Clock.systemUTC());

        SyncResult run = writingAside.run(TENANT, RunSummary.Mode.INCREMENTAL,
                new RunBudget(Clock.systemUTC(), Instant.now().plus(Duration.ofMinutes(1))));

        BetweenPages.clear();
        assertEquals(SyncResult.Status.COMPLETE, run.status());
        assertTrue(run.summary().pages() >= 2, timeline.toString());
        assertTrue(timeline.indexOf("page 2 answered") < timeline.indexOf("write 1 finished"),
                "page two was fetched while page one was being written: " + timeline);
        assertTrue(timeline.indexOf("write 1 finished") < timeline.indexOf("write 2 started"),
                "one page is written at a time: " + timeline);
        assertEquals(lastName, entry(FIRST_ID).lastName());
        assertEquals(lastName, entry(LAST_CHANGED).lastName());
    }

    @Test
    void aRunThatFailsAfterAPageKeepsTheWatermarkAndTheNextRunLosesNoMember() {
        givenSynced();
        Instant watermark = watermark();
        String lastName = "Crash" + PEOPLE.incrementAndGet();
        changeMembers(lastName);
        AtomicBoolean armed = new AtomicBoolean();
        BetweenPages.on(simulator, answered -> {
            if (armed.compareAndSet(false, true)) {
                simulator.faults().arm(Fault.on("GET", "/system/members").status(503).times(5));
            }
        });
        simulator.requestLog().clear();

        assertThrows(ServerErrorException.class, this::incremental);

        BetweenPages.clear();
        List<RecordedRequest> lists = memberLists();
        assertEquals(6, lists.size(), "page one, then page two tried until the retries ran out: " + lists);
        assertEquals(200, lists.get(0).status());
        String secondPage = lists.get(1).query().get("pageId");
        assertNotNull(secondPage);
        lists.subList(1, 6).forEach(attempt -> {
            assertEquals("status-503", attempt.fault());
            assertEquals(secondPage, attempt.query().get("pageId"));
        });
        assertEquals(watermark, watermark(), "a partial pass never moves the watermark");
        RunSummary failed = syncState.lastRun(TENANT, Synchronizer.STREAM).orElseThrow();
        assertFalse(failed.complete());
        assertEquals(1, failed.pages());
        assertEquals(watermark, failed.newWatermark());
        assertEquals(lastName, entry(FIRST_ID).lastName(), "page one was written");
        assertNotEquals(lastName, entry(LAST_CHANGED).lastName(), "page two was not");

        SyncResult next = incremental();

        assertEquals(SyncResult.Status.COMPLETE, next.status(), "the failed run released its lease");
        assertEquals(lastName, entry(LAST_CHANGED).lastName());
        assertDirectoryMirrorsConnectWise();
        assertTrue(watermark().isAfter(watermark));
    }

    @Test
    void aRunOutOfTimeStopsBetweenPagesKeepsTheWatermarkAndReleasesTheLease() {
        givenSynced();
        Instant watermark = watermark();
        String lastName = "Late" + PEOPLE.incrementAndGet();
        changeMembers(lastName);
        MovableClock clock = new MovableClock(Instant.now());
        RunBudget budget = new RunBudget(clock, clock.instant().plus(Duration.ofMinutes(1)));
        BetweenPages.on(simulator, answered -> clock.advance(Duration.ofMinutes(2)));
        simulator.requestLog().clear();

        SyncResult stopped = synchronizer.run(TENANT, RunSummary.Mode.INCREMENTAL, budget);

        BetweenPages.clear();
        assertEquals(SyncResult.Status.INCOMPLETE, stopped.status());
        assertFalse(stopped.summary().complete());
        assertEquals(1, stopped.summary().pages());
        assertEquals(1000, stopped.summary().upserted() + stopped.summary().unchanged(), "page one was written");
        assertEquals(1, memberLists().size(), "no page is fetched once the budget is spent");
        assertEquals(watermark, watermark());
        assertEquals(watermark, stopped.summary().newWatermark());
        assertEquals(stopped.summary(), syncState.lastRun(TENANT, Synchronizer.STREAM).orElseThrow());

        SyncResult next = incremental();

        assertEquals(SyncResult.Status.COMPLETE, next.status());
        assertEquals(lastName, entry(LAST_CHANGED).lastName());
        assertTrue(watermark().isAfter(watermark));
    }

    @Test
    void ofTwoOverlappingRunsExactlyOneDoesTheWork() throws Exception {
        givenSynced();
        simulator.faults().arm(Fault.on("GET", "/system/members").latency(Duration.ofMillis(700)));
        simulator.requestLog().clear();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<SyncResult>> runs;
        try {
            runs = two.invokeAll(List.of(() -> {
                together.await();
                return incremental();
            }, () -> {
                together.await();
                return incremental();
            }));
        } finally {
            two.shutdown();
        }

        List<SyncResult.Status> outcomes = runs.stream().map(SynchronizerTest::result).map(SyncResult::status)
                .sorted().toList();
        assertEquals(List.of(SyncResult.Status.COMPLETE, SyncResult.Status.SKIPPED), outcomes);
        SyncResult worked = runs.stream().map(SynchronizerTest::result)
                .filter(run -> run.status() == SyncResult.Status.COMPLETE).findFirst().orElseThrow();
        SyncResult skipped = runs.stream().map(SynchronizerTest::result)
                .filter(run -> run.status() == SyncResult.Status.SKIPPED).findFirst().orElseThrow();
        assertNull(skipped.summary());
        assertEquals(worked.summary().requests(), memberLists().size(), "only the run holding the lease asked ConnectWise");
        assertTrue(syncState.lastRun(TENANT, Synchronizer.STREAM).orElseThrow().complete());
    }

    @Test
    void aFullRunTombstonesMembersDeletedInConnectWiseWhichIncrementalRunsCannotSee() {
        long gone = id(newMember());
        long kept = id(newMember());
        try {
            givenSynced();
            assertTrue(entry(gone).active());
            members.delete(gone);
            long ghost = 50_000_000L;
            directory.upsertIfNewer(new DirectoryEntry(TENANT, ghost, "ghost", "Gho", "St", "ghost@acme.example",
                    "Technician", "F", true, Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                    DirectoryEntry.Source.CALLBACK, false, false));

            SyncResult polled = incremental();

            assertEquals(0, polled.summary().tombstoned());
            assertFalse(entry(gone).deleted(), "a delete never shows in lastUpdated polling");

            simulator.requestLog().clear();
            SyncResult full = handler.handle(new SyncRequest(null, TENANT, "full", null));

            RunSummary run = full.summary();
            assertEquals(SyncResult.Status.COMPLETE, full.status());
            assertEquals(RunSummary.Mode.FULL, run.mode());
            assertEquals(SEEDED + 1, run.seen());
            assertEquals(0, run.upserted(), "everything else was already current");
            assertEquals(SEEDED + 1, run.unchanged());
            assertEquals(2, run.tombstoned());
            DirectoryEntry tombstone = entry(gone);
            assertTrue(tombstone.deleted());
            assertEquals(run.newWatermark(), tombstone.lastUpdated(), "tombstoned as of the run's start");
            assertTrue(entry(ghost).deleted());
            assertFalse(entry(kept).deleted());
            List<RecordedRequest> lists = memberLists();
            assertEquals(11, lists.size());
            lists.forEach(list -> assertNull(list.query().get("conditions"), "a full run lists active and inactive"));
        } finally {
            members.delete(kept);
        }
    }

    @Test
    void pendingMembersAreReadFirstInShortIdListsAndThoseGoneAreTombstoned() {
        givenSynced();
        List<Long> known = List.of(7001L, 7002L, 7003L);
        List<Long> ghosts = LongStream.rangeClosed(900_001, 900_400).boxed().toList();
        StoredState stored = new StoredState(dynamo, storeConfig);
        Instant callbackAt = Instant.now();
        known.forEach(id -> {
            stored.deleteEntry(TENANT, id);
            directory.markPending(TENANT, id, callbackAt);
        });
        ghosts.forEach(id -> directory.markPending(TENANT, id, callbackAt));
        simulator.requestLog().clear();

        SyncResult result = incremental();

        List<RecordedRequest> lists = memberLists();
        List<RecordedRequest> pending = lists.stream()
                .filter(list -> list.query().get("conditions").startsWith("id in (")).toList();
        assertTrue(pending.size() >= 3, "403 ids do not fit one URL: " + pending.size());
        assertEquals(pending, lists.subList(0, pending.size()), "pending members first, then the changes");
        List<Long> asked = pending.stream().flatMap(list -> {
            String conditions = list.query().get("conditions");
            assertTrue(conditions.startsWith("id in (") && conditions.endsWith(")"), conditions);
            assertTrue(simulator.apiBase().length() + list.path().length() + 1 + list.rawQuery().length() < 2000);
            assertEquals(FIELDS, list.query().get("fields"));
            return Arrays.stream(conditions.substring(7, conditions.length() - 1).split(","))
                    .map(Long::valueOf);
        }).sorted().toList();
        assertEquals(Stream.concat(known.stream(), ghosts.stream()).sorted().toList(), asked);
        lists.subList(pending.size(), lists.size()).forEach(list ->
                assertTrue(list.query().get("conditions").startsWith("lastUpdated>["), list.toString()));
        for (long id : known) {
            DirectoryEntry refreshed = entry(id);
            assertFalse(refreshed.pending());
            assertFalse(refreshed.deleted());
            assertEquals(members.get(id).get("identifier").asText(), refreshed.identifier());
            assertEquals(lastUpdated(members.get(id)), refreshed.lastUpdated());
        }
        ghosts.forEach(id -> assertTrue(entry(id).deleted()));
        assertEquals(400, result.summary().tombstoned());
        assertTrue(directory.pendingMemberIds(TENANT).isEmpty());
    }

    @Test
    void membersFlaggedPendingBeforeThePendingIndexAreRefreshedByTheNextFullRun() {
        givenSynced();
        long flagged = 7101;
        long ghost = 900_501;
        StoredState stored = new StoredState(dynamo, storeConfig);
        stored.flagPendingWithoutIndexKey(TENANT, flagged);
        stored.flagPendingWithoutIndexKey(TENANT, ghost);

        assertEquals(SyncResult.Status.COMPLETE, incremental().status());
        assertTrue(entry(flagged).pending(), "an incremental run reads the pending index only, which they are not in");
        assertTrue(entry(ghost).pending());

        assertEquals(SyncResult.Status.COMPLETE, handler.handle(new SyncRequest(null, TENANT, "full", null)).status());

        DirectoryEntry refreshed = entry(flagged);
        assertFalse(refreshed.pending());
        assertEquals(lastUpdated(members.get(flagged)), refreshed.lastUpdated());
        assertTrue(entry(ghost).deleted());
        assertFalse(entry(ghost).pending());
    }

    private SyncResult incremental() {
        return handler.handle(new SyncRequest(null, TENANT, "incremental", null));
    }

    private void givenSynced() {
        assertEquals(SyncResult.Status.COMPLETE, incremental().status());
    }

    private void changeMembers(String lastName) {
        CHANGED.forEach(id -> members.update(id, member -> member.put("lastName", lastName)));
    }

    private ObjectNode newMember() {
        int n = PEOPLE.incrementAndGet();
        return ConsoleMembers.create(simulator, "synced" + n, "Sy", "Nced" + n, "synced" + n + "@acme.example");
    }

    private Instant watermark() {
        return syncState.watermark(TENANT, Synchronizer.STREAM).orElseThrow();
    }

    private DirectoryEntry entry(long memberId) {
        return directory.get(TENANT, memberId).orElseThrow(() -> new AssertionError("no entry for " + memberId));
    }

    /** Every ConnectWise member is in the directory as ConnectWise has it now; answers how many were compared. */
    private int assertDirectoryMirrorsConnectWise() {
        Map<Long, DirectoryEntry> stored = directory.scan(TENANT).filter(entry -> !entry.deleted())
                .collect(Collectors.toMap(DirectoryEntry::memberId, Function.identity()));
        List<ObjectNode> all = members.all();
        for (ObjectNode member : all) {
            DirectoryEntry entry = stored.get(id(member));
            assertNotNull(entry, "member " + id(member) + " is missing from the directory");
            assertEquals(lastUpdated(member), entry.lastUpdated(), "member " + id(member));
            assertEquals(member.get("identifier").asText(), entry.identifier());
            assertEquals(member.get("lastName").asText(), entry.lastName());
        }
        return all.size();
    }

    private List<RecordedRequest> memberLists() {
        return memberLists(simulator);
    }

    static List<RecordedRequest> memberLists(ConnectWiseSimulator simulator) {
        return simulator.requestLog().all().stream()
                .filter(request -> request.method().equals("GET") && request.path().equals("/system/members"))
                .toList();
    }

    private static RecordedRequest single(List<RecordedRequest> requests) {
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    private static long id(ObjectNode member) {
        return member.get("id").asLong();
    }

    static Instant lastUpdated(ObjectNode member) {
        return Instant.parse(member.get("_info").get("lastUpdated").asText());
    }

    private static SyncResult result(Future<SyncResult> run) {
        try {
            return run.get();
        } catch (Exception e) {
            throw new AssertionError("a run failed", e);
        }
    }
}
