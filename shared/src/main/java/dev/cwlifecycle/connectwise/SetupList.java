package dev.cwlifecycle.connectwise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One of a tenant's setup lists (security roles, the {@link SetupTable}s), fetched once per TTL. */
final class SetupList<T> {

    private record Snapshot<T>(T value, Instant fetchedAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot<T> snapshot;

    SetupList(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached list, or a fresh one from {@code fetch} once the TTL has passed. */
    T get(Supplier<T> fetch) {
        Snapshot<T> current = snapshot;
        if (current == null || !clock.instant().isBefore(current.fetchedAt().plus(ttl))) {
            current = new Snapshot<>(fetch.get(), clock.instant());
            snapshot = current;
        }
        return current.value();
    }
}
