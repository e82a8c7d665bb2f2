package dev.cwlifecycle.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankWhateverTheOrderOfArrival() {
        // GIVEN 1..100 ms, in reverse
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(Duration.ofMillis(ms));
        }

        // THEN
        assertEquals(Duration.ofMillis(50), latencies.p50());
        assertEquals(Duration.ofMillis(99), latencies.p99());
        assertEquals(Duration.ofMillis(100), latencies.percentile(100));
        assertEquals(100, latencies.count());
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoneIsZero() {
        Latencies one = new Latencies();
        one.add(Duration.ofMillis(7));

        assertEquals(Duration.ofMillis(7), one.p50());
        assertEquals(Duration.ofMillis(7), one.p99());
        assertEquals(Duration.ZERO, new Latencies().p99());
    }
}
