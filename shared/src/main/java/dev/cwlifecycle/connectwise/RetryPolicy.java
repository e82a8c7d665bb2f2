package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import io.smallrye.faulttolerance.api.Guard;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * When and how long to wait before trying a ConnectWise request again (SmallRye Fault Tolerance).
 * Retried: 429 (throttled before it ran), 502/503/504, and connection failures; never a 500, which may have done
 * part of the work. A POST, which would create a second member, is retried only when it provably never ran: a 429,
 * or a connection that was never established.
 * Waits grow exponentially with full jitter; a {@code Retry-After} is honoured. A wait longer than the longest
 * allowed one, or than what is left of the request's total budget, is not waited out: the failure that asked for
 * it is reported at once (a 429 with its Retry-After).
 */
final class RetryPolicy {

    private final ConnectWiseConfig.Retry config;
    private final LongUnaryOperator jitter;
    private final LongSupplier nanoTime;

    RetryPolicy(ConnectWiseConfig.Retry config) {
        this(config, ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1), System::nanoTime);
    }

    /** {@code jitter} picks a wait in {@code [0, ceiling]} milliseconds; {@code nanoTime} is the budget's clock. */
    RetryPolicy(ConnectWiseConfig.Retry config, LongUnaryOperator jitter, LongSupplier nanoTime) {
        this.config = config;
        this.jitter = jitter;
        this.nanoTime = nanoTime;
    }

    /** Runs {@code attempt}, and again on a retryable failure while the attempts and the budget last. */
    ApiResponse call(Supplier<ApiResponse> attempt) {
        RetrySchedule schedule = new RetrySchedule(config, jitter, nanoTime, this::retryable);
        return Guard.create()
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(schedule::planRetry)
                .withCustomBackoff().strategy(() -> schedule).done()
                .done()
                .build()
                .get(attempt, ApiResponse.class);
    }

    private boolean retryable(Throwable failure) {
        if (failure instanceof RateLimitedException) {
            return true;
        }
        if (failure instanceof ConnectionFailedException connection) {
            return connection.neverSent() || !"POST".equals(connection.method());
        }
        if (failure instanceof ServerErrorException server) {
            return server.transientStatus() && !"POST".equals(server.method());
        }
        return false;
    }
}
