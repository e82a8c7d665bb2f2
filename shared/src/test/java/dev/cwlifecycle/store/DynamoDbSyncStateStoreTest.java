package dev.cwlifecycle.store;

import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import dev.cwlifecycle.testing.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbSyncStateStoreTest {

    private static final String STREAM = "members";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final SyncStateStore store = new DynamoDbSyncStateStore(DynamoDbLocalExtension.client(), DynamoDbLocalExtension.storeConfig());
    private final String tenant = "t-" + UUID.randomUUID();

    @Test
    void givenManyRunsRacingForAFreeLease_whenEachTriesToAcquire_thenExactlyOneHoldsIt() throws Exception {
        List<Optional<Lease>> results = Race.run(16, run -> () -> store.acquireLease(tenant, STREAM, "run-" + run, TTL, T0));

        List<Lease> winners = results.stream().flatMap(Optional::stream).toList();
        assertEquals(1, winners.size());
        assertEquals(new Lease(tenant, STREAM, winners.get(0).owner(), T0.plus(TTL)), winners.get(0));
        assertTrue(store.advanceWatermark(winners.get(0), T0));
    }

    @Test
    void givenAHeldLease_whenAnotherRunTriesBeforeItExpires_thenItIsRefused() {
        store.acquireLease(tenant, STREAM, "run-a", TTL, T0);

        assertEquals(Optional.empty(), store.acquireLease(tenant, STREAM, "run-b", TTL, T0.plus(TTL).minusSeconds(1)));
    }

    @Test
    void givenACrashedHolder_whenItsLeaseExpired_thenAnotherRunTakesItAndTheOldHolderCanNoLongerWrite() {
        Lease crashed = store.acquireLease(tenant, STREAM, "run-a", TTL, T0).orElseThrow();

        Optional<Lease> takeover = store.acquireLease(tenant, STREAM, "run-b", TTL, T0.plus(TTL).plusSeconds(1));

        assertTrue(takeover.isPresent());
        assertFalse(store.advanceWatermark(crashed, T0.plusSeconds(60)));
        assertFalse(store.recordRun(crashed, summary(null, T0)));
        store.releaseLease(crashed);
        assertTrue(store.advanceWatermark(takeover.get(), T0.plusSeconds(30)), "the late release must not free run-b's lease");
        assertEquals(Optional.of(T0.plusSeconds(30)), store.watermark(tenant, STREAM));
    }

    @Test
    void givenTheHolder_whenItAcquiresAgain_thenTheLeaseIsExtended() {
        store.acquireLease(tenant, STREAM, "run-a", TTL, T0);

        Optional<Lease> renewed = store.acquireLease(tenant, STREAM, "run-a", TTL, T0.plus(TTL).minusSeconds(10));

        assertEquals(T0.plus(TTL).minusSeconds(10).plus(TTL), renewed.orElseThrow().expiresAt());
        assertEquals(Optional.empty(), store.acquireLease(tenant, STREAM, "run-b", TTL, T0.plus(TTL).plusSeconds(1)));
    }

    @Test
    void givenAReleasedLease_whenAnotherRunAcquiresRightAway_thenItGetsIt() {
        store.releaseLease(store.acquireLease(tenant, STREAM, "run-a", TTL, T0).orElseThrow());

        assertTrue(store.acquireLease(tenant, STREAM, "run-b", TTL, T0.plusSeconds(1)).isPresent());
    }

    @Test
    void givenNoRunYet_whenTheWatermarkAndLastRunAreRead_thenBothAreEmpty() {
        assertEquals(Optional.empty(), store.watermark(tenant, STREAM));
        assertEquals(Optional.empty(), store.lastRun(tenant, STREAM));
    }

    @Test
    void givenAWatermark_whenAdvancedBackwardsOrToTheSameInstant_thenRefusedAndUnchanged() {
        Lease lease = store.acquireLease(tenant, STREAM, "run-a", TTL, T0).orElseThrow();
        assertTrue(store.advanceWatermark(lease, T0));

        assertFalse(store.advanceWatermark(lease, T0.minusMillis(1)));
        assertFalse(store.advanceWatermark(lease, T0));
        assertTrue(store.advanceWatermark(lease, T0.plusNanos(1)));
        assertEquals(Optional.of(T0.plusNanos(1)), store.watermark(tenant, STREAM));
    }

    @Test
    void givenRacingWritersUnderOneLease_whenEachAdvancesToItsOwnInstant_thenTheWatermarkEndsAtTheNewestAndNeverWentBack() throws Exception {
        Lease lease = store.acquireLease(tenant, STREAM, "run-a", TTL, T0).orElseThrow();
        List<Instant> targets = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            // whole and fractional seconds across midnight: a string order of variable-width dates would fail
            targets.add(Instant.parse("2025-12-31T23:59:58Z").plusMillis(i * 250L).plusSeconds(i % 3 == 0 ? 0 : 9));
        }
        Collections.shuffle(targets);

        List<Boolean> advanced = Race.run(targets.size(), i -> () -> {
            boolean moved = store.advanceWatermark(lease, targets.get(i));
            Instant seen = store.watermark(tenant, STREAM).orElseThrow();
            assertFalse(moved && seen.isBefore(targets.get(i)), "the watermark moved back after a successful advance");
            return moved;
        });

        assertEquals(Optional.of(Collections.max(targets)), store.watermark(tenant, STREAM));
        assertTrue(advanced.contains(true));
    }

    @Test
    void givenARunSummary_whenRecordedUnderTheLease_thenTheLastRunReadsItBack() {
        Lease lease = store.acquireLease(tenant, STREAM, "run-a", TTL, T0).orElseThrow();
        RunSummary first = summary(null, T0);
        RunSummary second = new RunSummary(RunSummary.Mode.FULL, 3, 2500, 40, 2450, 10, 4, 5400, T0, T0.plusSeconds(900), false);

        assertTrue(store.recordRun(lease, first));
        assertEquals(Optional.of(first), store.lastRun(tenant, STREAM));
        assertTrue(store.recordRun(lease, second));
        assertEquals(Optional.of(second), store.lastRun(tenant, STREAM));
    }

    private static RunSummary summary(Instant oldWatermark, Instant newWatermark) {
        return new RunSummary(RunSummary.Mode.INCREMENTAL, 1, 12, 3, 9, 0, 2, 850, oldWatermark, newWatermark, true);
    }
}
