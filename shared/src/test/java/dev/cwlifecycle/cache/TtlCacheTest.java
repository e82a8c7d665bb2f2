package dev.cwlifecycle.cache;

import dev.cwlifecycle.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one TTL cache (secrets, setup lists, signing keys), on a clock the test moves. */
class TtlCacheTest {

    private final MovableClock clock = new MovableClock();
    private final List<String> loads = new ArrayList<>();
    private final Function<String, String> load = key -> {
        loads.add(key);
        return key + "#" + loads.size();
    };

    @Test
    void aValueIsLoadedOnceWhileFreshAndAgainOnceTheTtlHasPassed() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(10), clock);

        assertEquals("a#1", cache.get("a", load));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertEquals("a#1", cache.get("a", load));
        clock.advance(Duration.ofMillis(1));
        assertEquals("a#2", cache.get("a", load));

        assertEquals(List.of("a", "a"), loads);
    }

    @Test
    void aFailedLoadIsNotCached() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(10), clock);

        assertThrows(IllegalStateException.class, () -> cache.get("a", key -> {
            throw new IllegalStateException("unreachable");
        }));

        assertEquals("a#1", cache.get("a", load));
    }

    @Test
    void aReloadGoesPastTheCacheAndIsWhatItServesFromThenOn() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(10), clock);
        cache.get("a", load);

        assertEquals("a#2", cache.reload("a", load));
        assertEquals("a#2", cache.get("a", load));
    }

    @Test
    void aFullBoundedCacheDropsItsExpiredEntriesFirstThenEverything() {
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(10), clock, 2);
        cache.get("old", load);
        clock.advance(Duration.ofMinutes(10));
        cache.get("kept", load);

        cache.get("new", load);
        assertEquals("kept#2", cache.get("kept", load), "only the expired entry made room");

        cache.get("newest", load);
        assertEquals("kept#5", cache.get("kept", load), "no expired entry left: the cache started over");
    }
}
