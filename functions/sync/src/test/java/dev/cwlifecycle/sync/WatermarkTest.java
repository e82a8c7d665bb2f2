package dev.cwlifecycle.sync;

import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.SyncStateStore;
import dev.cwlifecycle.testing.ConnectWiseSeconds;
import dev.cwlifecycle.testing.FunctionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the watermark comes from, with no overlap to cover a mistake: ConnectWise's {@code Date} at the run's first
 * answer, not the newest {@code lastUpdated} seen and not our own clock.
 */
@QuarkusTest
@TestProfile(WatermarkTest.NoOverlap.class)
@QuarkusTestResource(value = FunctionTestResource.class, initArgs = @ResourceArg(name = "members", value = "10000"))
class WatermarkTest {

    private static final String TENANT = SynchronizerTest.TENANT;
    private static final long FIRST_ID = 101;
    /** 2,500 changed members, spread over every id: three pages, the behind-the-cursor one on the first. */
    private static final List<Long> CHANGED = LongStream.range(0, 2500).map(i -> FIRST_ID + 4 * i).boxed().toList();
    private static final long ON_LAST_PAGE = CHANGED.get(CHANGED.size() - 1);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** An incremental run starts exactly at the watermark. */
    public static class NoOverlap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cw.sync.overlap", "PT0S");
        }
    }

    @Inject
    SyncHandler handler;
    @Inject
    ConnectWiseClients clients;
    @Inject
    SyncStateStore syncState;
    @Inject
    MemberDirectory directory;
    @Inject
    SyncConfig config;
    @Inject
    StoreConfig storeConfig;

    @AfterEach
    void stopActing() {
        BetweenPages.clear();
    }

    @Test
    void aMemberChangedBehindTheCursorDuringARunIsReadByTheNextRun() {
        assertEquals(Duration.ZERO, config.overlap());
        givenSynced();
        // the directory keeps the newer of two lastUpdated values, and the Date behind the watermark, in seconds
        ConnectWiseSeconds.awaitNext();
        String spread = "Spread" + PEOPLE.incrementAndGet();
        CHANGED.forEach(id -> acme().update(id, member -> member.put("lastName", spread)));
        String behind = "Behind" + PEOPLE.incrementAndGet();
        String ahead = "Ahead" + PEOPLE.incrementAndGet();
        AtomicInteger answered = new AtomicInteger();
        BetweenPages.on(simulator(), request -> {
            // page two is asked after page one's Date was sent: from here on, changes are after the run started
            if (answered.incrementAndGet() == 2) {
                ConnectWiseSeconds.awaitNext();
                acme().update(FIRST_ID, member -> member.put("firstName", behind));
                // then one the run reads on its last page: the newest lastUpdated it sees is after the one behind
                ConnectWiseSeconds.awaitNext();
                acme().update(ON_LAST_PAGE, member -> member.put("firstName", ahead));
            }
        });
        simulator().requestLog().clear();

        SyncResult during = incremental();

        BetweenPages.clear();
        assertEquals(SyncResult.Status.COMPLETE, during.status());
        assertEquals(3, during.summary().pages());
        assertNotEquals(behind, entry(FIRST_ID).firstName(), "read before it changed, and the cursor has passed it");
        assertEquals(ahead, entry(ON_LAST_PAGE).firstName(), "read after it changed");
        assertTrue(lastUpdated(ON_LAST_PAGE).isAfter(lastUpdated(FIRST_ID)));
        Instant watermark = watermark();
        assertTrue(watermark.isBefore(lastUpdated(FIRST_ID)),
                "the watermark is when the run started, not the newest lastUpdated it saw: " + watermark);

        simulator().requestLog().clear();
        SyncResult next = incremental();

        assertEquals("lastUpdated>[" + watermark + "]", memberLists().get(0).query().get("conditions"));
        assertEquals(behind, entry(FIRST_ID).firstName());
        assertEquals(1, next.summary().upserted(), "only the member changed behind the cursor was new");
        assertEquals(1, next.summary().unchanged());
    }

    @Test
    void theWatermarkIsConnectWisesDateEvenWhenOurClockIsAnHourAhead() {
        givenSynced();
        Clock ours = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        Synchronizer fastClock = new Synchronizer(clients, syncState, directory, config, storeConfig, ours);
        // the simulator's Date header comes from the system clock: ConnectWise's time, an hour behind ours
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SyncResult run = fastClock.run(TENANT, RunSummary.Mode.INCREMENTAL,
                new RunBudget(ours, ours.instant().plus(Duration.ofMinutes(1))));

        Instant after = Instant.now();
        assertEquals(SyncResult.Status.COMPLETE, run.status());
        Instant moved = run.summary().newWatermark();
        assertFalse(moved.isBefore(before), "ConnectWise's Date at the first answer: " + moved);
        assertFalse(moved.isAfter(after), "ConnectWise's Date, not our clock: " + moved);
        assertEquals(moved, watermark());
    }

    private SyncResult incremental() {
        return handler.handle(new SyncRequest(null, TENANT, "incremental", null));
    }

    private void givenSynced() {
        assertEquals(SyncResult.Status.COMPLETE, incremental().status());
    }


    private Instant watermark() {
        return syncState.watermark(TENANT, Synchronizer.STREAM).orElseThrow();
    }

    private DirectoryEntry entry(long memberId) {
        return directory.get(TENANT, memberId).orElseThrow(() -> new AssertionError("no entry for " + memberId));
    }

    private static ConnectWiseSimulator simulator() {
        return FunctionTestResource.simulator();
    }

    private static SimMembers acme() {
        return simulator().members("acme");
    }

    private Instant lastUpdated(long memberId) {
        return SynchronizerTest.lastUpdated(acme().get(memberId));
    }

    private List<RecordedRequest> memberLists() {
        return SynchronizerTest.memberLists(simulator());
    }
}
