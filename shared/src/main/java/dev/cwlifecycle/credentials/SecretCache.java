package dev.cwlifecycle.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Each tenant's credentials for a TTL, evicted lazily on read. One read per tenant at a time: threads that find
 * the entry stale together wait for the first one's read instead of each calling Secrets Manager. Failures are
 * not cached.
 */
final class SecretCache {

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    SecretCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached credentials while fresh, else those {@code read} returns now. */
    ConnectWiseCredentials get(String tenant, Function<String, ConnectWiseCredentials> read) {
        return slots.computeIfAbsent(tenant, Slot::new).fresh(read);
    }

    /**
     * Reads past the cache, unless another thread re-read while this one waited: callers that saw the same 401
     * together then share one read.
     */
    ConnectWiseCredentials reload(String tenant, Function<String, ConnectWiseCredentials> read) {
        return slots.computeIfAbsent(tenant, Slot::new).reload(read);
    }

    private record Entry(ConnectWiseCredentials credentials, Instant expiresAt) {
    }

    private final class Slot {
        private final String tenant;
        private volatile Entry entry;

        Slot(String tenant) {
            this.tenant = tenant;
        }

        ConnectWiseCredentials fresh(Function<String, ConnectWiseCredentials> read) {
            Entry seen = entry;
            if (isFresh(seen)) {
                return seen.credentials();
            }
            synchronized (this) {
                Entry current = entry;
                return isFresh(current) ? current.credentials() : load(read);
            }
        }

        ConnectWiseCredentials reload(Function<String, ConnectWiseCredentials> read) {
            Entry seen = entry;
            synchronized (this) {
                Entry current = entry;
                return current != seen && isFresh(current) ? current.credentials() : load(read);
            }
        }

        private boolean isFresh(Entry candidate) {
            return candidate != null && clock.instant().isBefore(candidate.expiresAt());
        }

        private ConnectWiseCredentials load(Function<String, ConnectWiseCredentials> read) {
            ConnectWiseCredentials credentials = read.apply(tenant);
            entry = new Entry(credentials, clock.instant().plus(ttl));
            return credentials;
        }
    }
}
