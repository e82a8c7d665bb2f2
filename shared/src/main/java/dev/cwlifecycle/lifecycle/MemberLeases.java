package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.lifecycle.exceptions.MemberBusy;
import dev.cwlifecycle.store.Claim;
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One change of a ConnectWise member at a time, keyed on the member's id however the caller named it: a lease in
 * the idempotency table. Whoever finds the member held waits for it, polling with a doubling pause, up to
 * {@code cw.deprovision.lease-wait}; past that the caller hears {@link MemberBusy}. A holder that crashed loses the
 * lease when its record expires with the function timeout.
 */
@ApplicationScoped
public class MemberLeases {

    private static final Logger LOG = Logger.getLogger(MemberLeases.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** How far the clocks of two Lambda instances may disagree about when a lease was let go. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** Waits between two looks at the lease; tests pass one that moves their clock instead. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final IdempotencyStore store;
    private final DeprovisionPolicy policy;
    private final Clock clock;
    private final Pause pause;

    @Inject
    public MemberLeases(IdempotencyStore store, DeprovisionPolicy policy, Clock clock) {
        this(store, policy, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    MemberLeases(IdempotencyStore store, DeprovisionPolicy policy, Clock clock, Pause pause) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Runs {@code work} holding the member's lease. It is given when the lease was last let go by another holder
     * (null: not lately), so it can tell whether what it read of the member before may predate that one's write.
     */
    public <T> T exclusively(String tenant, long memberId, Function<Instant, T> work) {
        IdempotencyKey key = new IdempotencyKey(tenant, "member-lease", Long.toString(memberId));
        Instant giveUp = clock.instant().plus(policy.leaseWait());
        Duration wait = FIRST_PAUSE;
        while (true) {
            Claim claim = store.begin(key, IdempotencyStore.payloadHash(key.operation()), clock.instant());
            if (claim instanceof Claim.Started started) {
                try {
                    return work.apply(started.released());
                } finally {
                    release(key, started);
                }
            }
            Instant now = clock.instant();
            if (now.plus(wait).isAfter(giveUp)) {
                // at the latest the holder's claim expires then (rounded up to whole seconds)
                Instant until = claim instanceof Claim.InProgress held ? held.until() : now;
                throw new MemberBusy(Duration.ofSeconds(Math.max(1, Duration.between(now, until).toSeconds() + 1)));
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait.multipliedBy(2);
        }
    }

    /**
     * True when what was read of the member at {@code lookedUp} may predate the write of the holder that let the
     * lease go at {@code released} (null: nobody lately): then the member must be read again before acting.
     */
    public static boolean mayBeStale(Instant released, Instant lookedUp) {
        return released != null && !released.isBefore(lookedUp.minus(CLOCK_SKEW));
    }

    private void sleep(Duration duration) {
        try {
            pause.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a member's lease", e);
        }
    }

    private void release(IdempotencyKey key, Claim.Started started) {
        try {
            store.release(key, started, clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not release the lease of member %s; the next change waits for its expiry",
                    key.clientKey());
        }
    }
}
