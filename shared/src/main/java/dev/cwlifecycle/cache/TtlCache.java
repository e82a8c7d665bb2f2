package dev.cwlifecycle.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Values kept for a TTL on an injected clock, evicted lazily on read (after Powertools' secrets cache). One load per
 * key at a time: threads that find an entry stale together wait for the first one's load instead of each asking.
 * Failures are never cached. With a bound, a full cache first drops its expired entries, then everything.
 */
public final class TtlCache<K, V> {

    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<K, Slot> slots = new ConcurrentHashMap<>();

    public TtlCache(Duration ttl, Clock clock) {
        this(ttl, clock, Integer.MAX_VALUE);
    }

    /** @param maxEntries for keys that callers choose: the cache cannot grow past it */
    public TtlCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The cached value while fresh, else the one {@code load} returns now. */
    public V get(K key, Function<? super K, ? extends V> load) {
        return slot(key).fresh(load);
    }

    /**
     * Loads past the cache, unless another thread loaded while this one waited: callers that found the value wrong
     * together (a 401 on rotated keys) then share one load.
     */
    public V reload(K key, Function<? super K, ? extends V> load) {
        return slot(key).reload(load);
    }

    private Slot slot(K key) {
        Slot existing = slots.get(key);
        if (existing != null) {
            return existing;
        }
        if (slots.size() >= maxEntries) {
            slots.values().removeIf(slot -> !slot.isFresh(slot.entry));
            if (slots.size() >= maxEntries) {
                slots.clear();
            }
        }
        return slots.computeIfAbsent(key, Slot::new);
    }

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final class Slot {
        private final K key;
        private volatile Entry<V> entry;

        Slot(K key) {
            this.key = key;
        }

        V fresh(Function<? super K, ? extends V> load) {
            Entry<V> seen = entry;
            if (isFresh(seen)) {
                return seen.value();
            }
            synchronized (this) {
                Entry<V> current = entry;
                return isFresh(current) ? current.value() : load(load);
            }
        }

        V reload(Function<? super K, ? extends V> load) {
            Entry<V> seen = entry;
            synchronized (this) {
                Entry<V> current = entry;
                return current != seen && isFresh(current) ? current.value() : load(load);
            }
        }

        boolean isFresh(Entry<V> candidate) {
            return candidate != null && clock.instant().isBefore(candidate.expiresAt());
        }

        private V load(Function<? super K, ? extends V> load) {
            V value = load.apply(key);
            entry = new Entry<>(value, clock.instant().plus(ttl));
            return value;
        }
    }
}
