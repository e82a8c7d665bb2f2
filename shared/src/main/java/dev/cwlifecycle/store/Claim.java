package dev.cwlifecycle.store;

import java.time.Instant;

/** The answer to "may this request run?" from {@link IdempotencyStore#begin}. */
public sealed interface Claim {

    /**
     * The caller owns the key now: run, then {@link IdempotencyStore#complete} or {@link IdempotencyStore#abandon}
     * (a lease: {@link IdempotencyStore#release}) with this claim. {@code attempt} tells this attempt's record from a
     * later one that took the key over; {@code released} is when a lease holder last let the key go (null: none did
     * lately), so the next holder knows whether what it read before may be stale.
     */
    record Started(String attempt, Instant released) implements Claim {
    }

    /** Another attempt with the same payload is running; it is considered dead after {@code until}. */
    record InProgress(Instant until) implements Claim {
    }

    /** The same request already finished: answer with its response. */
    record Completed(StoredResponse response) implements Claim {
    }

    /** The key was used for a different payload: a client error, whatever state that record is in. */
    record PayloadMismatch() implements Claim {
    }
}
