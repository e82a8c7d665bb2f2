package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.RunSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncFigureTest {

    private static SyncFigure full(int members, long latencyMs, long wallMs) {
        return new SyncFigure(members, Duration.ofMillis(latencyMs), RunSummary.Mode.FULL, Duration.ofMillis(wallMs),
                0, new DynamoDbUsage(0, 0, 0, 0, 0), true);
    }

    @Test
    void aKeysetScanNeedsOnePageMoreThanFullPagesAndTheLimitRoundsUp() {
        assertEquals(2, full(1_000, 100, 0).minimumRequests());
        assertEquals(2, full(1_500, 100, 0).minimumRequests());
        assertEquals(101, full(100_000, 100, 0).minimumRequests());
        assertEquals(Duration.ofMillis(200), full(1_500, 100, 0).networkLimit());
        assertEquals(Duration.ofSeconds(10), full(100_000, 100, 0).networkLimit());
    }

    @Test
    void theRatioIsWallOverLimitAndUndefinedWithoutLatency() {
        assertEquals(1.15, full(10_000, 100, 1_150).ratioToLimit(), 1e-9);
        assertTrue(Double.isInfinite(full(10_000, 0, 1_150).ratioToLimit()));
    }

    @Test
    void aFirstFillsLimitIsTheSlowerOfConnectWisesPagesAndTheEnginesWrites() {
        // GIVEN 10,000 members: 1 s of pages at L = 100 ms, and writes DynamoDB Local took 3 s for alone
        SyncFigure atL = full(10_000, 100, 3_300).withWriteLimit(Duration.ofSeconds(3));
        SyncFigure atZero = full(10_000, 0, 3_300).withWriteLimit(Duration.ofSeconds(3));
        SyncFigure networkBound = full(10_000, 100, 1_100).withWriteLimit(Duration.ofMillis(500));

        // THEN the writes bound the first two, the pages the third
        assertEquals(Duration.ofSeconds(3), atL.limit());
        assertEquals(1.1, atL.ratioToLimit(), 1e-9);
        assertEquals(1.1, atZero.ratioToLimit(), 1e-9);
        assertEquals(Duration.ofSeconds(1), networkBound.limit());
        assertEquals(1.1, networkBound.ratioToLimit(), 1e-9);
    }

    @Test
    void anIncrementalRunNeedsOneRequest() {
        SyncFigure incremental = new SyncFigure(100_000, Duration.ofMillis(100), RunSummary.Mode.INCREMENTAL,
                Duration.ofMillis(300), 1, new DynamoDbUsage(0, 0, 0, 0, 0), true);
        assertEquals(1, incremental.minimumRequests());
    }
}
