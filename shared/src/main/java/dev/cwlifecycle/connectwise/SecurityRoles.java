package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.model.SecurityRole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A tenant's security roles by name (case-insensitive), fetched once per TTL. */
final class SecurityRoles {

    private record Snapshot(Map<String, SecurityRole> byName, Instant fetchedAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot snapshot;

    SecurityRoles(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached map, or a fresh one from {@code fetch} once the TTL has passed. */
    Map<String, SecurityRole> byName(Supplier<Stream<SecurityRole>> fetch) {
        Snapshot current = snapshot;
        if (current == null || !clock.instant().isBefore(current.fetchedAt().plus(ttl))) {
            Map<String, SecurityRole> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            fetch.get().forEach(role -> roles.putIfAbsent(role.name(), role));
            current = new Snapshot(java.util.Collections.unmodifiableMap(roles), clock.instant());
            snapshot = current;
        }
        return current.byName();
    }

}
