package dev.cwlifecycle.lifecycle;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.gateway.Problems;
import dev.cwlifecycle.lifecycle.exceptions.MemberBusy;
import dev.cwlifecycle.store.Claim;
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;
import dev.cwlifecycle.store.StoredResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait for a member's lease, on a clock the pauses move: no test waits on the wall clock. */
class MemberLeasesTest {

    private static final DeprovisionPolicy TEN_SECONDS = () -> Duration.ofSeconds(10);

    private final MovableClock clock = new MovableClock();
    private final List<Duration> pauses = new ArrayList<>();
    private final ScriptedStore store = new ScriptedStore();
    private final MemberLeases leases = new MemberLeases(store, TEN_SECONDS, clock, pause -> {
        pauses.add(pause);
        clock.advance(pause);
    });

    @Test
    void givenTheLeaseHeld_whenItIsLetGoWhileWaiting_thenTheWorkRunsOnceKnowingWhen() {
        Instant letGo = clock.instant().plusMillis(120);
        store.answers.add(new Claim.InProgress(clock.instant().plusSeconds(30)));
        store.answers.add(new Claim.InProgress(clock.instant().plusSeconds(30)));
        store.answers.add(new Claim.Started("a-1", letGo));
        AtomicInteger runs = new AtomicInteger();

        Instant seen = leases.exclusively("acme", 42, released -> {
            runs.incrementAndGet();
            return released;
        });

        assertEquals(letGo, seen);
        assertEquals(1, runs.get());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), pauses, "a doubling pause");
        assertEquals(List.of("member-lease:42"), store.released, "released when the work ended");
    }

    @Test
    void givenTheLeaseHeldPastTheWait_whenWaiting_thenMemberBusyAnswers409WithRetryAfterAndNothingRuns() {
        Instant holderExpires = clock.instant().plusSeconds(30);
        for (int i = 0; i < 50; i++) {
            store.answers.add(new Claim.InProgress(holderExpires));
        }

        MemberBusy busy = assertThrows(MemberBusy.class, () -> leases.exclusively("acme", 42, released -> {
            throw new AssertionError("ran without the lease");
        }));

        Duration waited = pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) <= 0 && waited.compareTo(Duration.ofSeconds(8)) > 0,
                "waited " + waited);
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(Duration.ofSeconds(1)) <= 0), pauses.toString());
        APIGatewayV2HTTPResponse answer = Problems.respond(busy, "c-1");
        assertEquals(409, answer.getStatusCode());
        assertTrue(answer.getBody().contains("urn:cw-lifecycle:problem:in-progress"), answer.getBody());
        long expected = Duration.between(clock.instant(), holderExpires).toSeconds() + 1;
        assertEquals(String.valueOf(expected), answer.getHeaders().get("Retry-After"));
        assertEquals(List.of(), store.released);
    }

    /** Answers each begin with the next scripted claim; records the keys released. */
    private static final class ScriptedStore implements IdempotencyStore {

        final Deque<Claim> answers = new ArrayDeque<>();
        final List<String> released = new ArrayList<>();

        @Override
        public Claim begin(IdempotencyKey key, String payloadHash, Instant now) {
            return answers.removeFirst();
        }

        @Override
        public boolean complete(IdempotencyKey key, Claim.Started started, String payloadHash,
                                StoredResponse response, Instant now) {
            throw new UnsupportedOperationException("a lease stores no response");
        }

        @Override
        public boolean abandon(IdempotencyKey key, Claim.Started started) {
            throw new UnsupportedOperationException("a lease is released, not abandoned");
        }

        @Override
        public boolean release(IdempotencyKey key, Claim.Started started, Instant now) {
            released.add(key.operation() + ":" + key.clientKey());
            return true;
        }
    }
}
