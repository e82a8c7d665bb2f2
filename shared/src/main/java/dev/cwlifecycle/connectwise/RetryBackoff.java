package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.RateLimitedException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The waits between one request's attempts, as SmallRye's custom backoff (SmallRye makes one per request and hands
 * it the configured delay): the server's {@code Retry-After} when a 429 names one, else an exponential backoff from
 * that delay, doubling up to the longest wait, with full jitter (SmallRye applies its own jitter only to its built-in
 * backoffs, none of which can honour a {@code Retry-After}). A wait longer than the longest one, or ending past the
 * request's total budget, is not started: the failure that asked for it is reported at once.
 */
final class RetryBackoff implements CustomBackoffStrategy {

    private final ConnectWiseConfig.Retry config;
    private final LongUnaryOperator jitter;
    private final LongSupplier nanoTime;
    private final LongUnaryOperator waiting;
    private long startedNanos;
    private long ceilingMillis;

    /** As {@link RetryPolicy} takes them: the jitter, the budget's clock and what a chosen wait becomes. */
    RetryBackoff(ConnectWiseConfig.Retry config, LongUnaryOperator jitter, LongSupplier nanoTime,
                 LongUnaryOperator waiting) {
        this.config = config;
        this.jitter = jitter;
        this.nanoTime = nanoTime;
        this.waiting = waiting;
    }

    @Override
    public void init(long initialDelayInMillis) {
        this.startedNanos = nanoTime.getAsLong();
        this.ceilingMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long wait = waitAfter(cause);
        long leftMillis = config.maxDuration().toMillis() - (nanoTime.getAsLong() - startedNanos) / 1_000_000;
        if (wait > config.maxDelay().toMillis() || wait > leftMillis) {
            throw reportedAtOnce(cause);
        }
        return waiting.applyAsLong(wait);
    }

    private long waitAfter(Throwable failure) {
        if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter().get().toMillis();
        }
        long wait = jitter.applyAsLong(ceilingMillis);
        ceilingMillis = Math.min(ceilingMillis * 2, config.maxDelay().toMillis());
        return wait;
    }

    /** SmallRye ends the retries with what the backoff throws: the failure itself, as the caller would get it. */
    private static RuntimeException reportedAtOnce(Throwable failure) {
        return failure instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(failure);
    }
}
