package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.RateLimitedException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * The waits of one request's retries. Each failure is judged before any wait: the next wait is the server's
 * Retry-After or an exponential backoff with full jitter, and a failure whose wait would pass the longest single
 * wait or the end of the total budget is not retried, so nothing sleeps past the budget.
 */
final class RetrySchedule implements CustomBackoffStrategy {

    private final ConnectWiseConfig.Retry config;
    private final LongUnaryOperator jitter;
    private final LongSupplier nanoTime;
    private final Predicate<Throwable> retryable;
    private final long startedNanos;
    private long ceilingMillis;
    private long plannedMillis;

    RetrySchedule(ConnectWiseConfig.Retry config, LongUnaryOperator jitter, LongSupplier nanoTime,
                  Predicate<Throwable> retryable) {
        this.config = config;
        this.jitter = jitter;
        this.nanoTime = nanoTime;
        this.retryable = retryable;
        this.startedNanos = nanoTime.getAsLong();
        this.ceilingMillis = config.initialDelay().toMillis();
    }

    /** True when {@code failure} is retried; the wait before that retry is then planned. */
    boolean planRetry(Throwable failure) {
        if (!retryable.test(failure)) {
            return false;
        }
        long wait = waitAfter(failure);
        long leftMillis = config.maxDuration().toMillis() - (nanoTime.getAsLong() - startedNanos) / 1_000_000;
        if (wait > config.maxDelay().toMillis() || wait > leftMillis) {
            return false;
        }
        plannedMillis = wait;
        return true;
    }

    private long waitAfter(Throwable failure) {
        if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter().get().toMillis();
        }
        long wait = jitter.applyAsLong(ceilingMillis);
        ceilingMillis = Math.min(ceilingMillis * 2, config.maxDelay().toMillis());
        return wait;
    }

    @Override
    public void init(long initialDelayInMillis) {
        // the ceiling starts at the configured initial delay, set when this schedule was made
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        return plannedMillis;
    }
}
