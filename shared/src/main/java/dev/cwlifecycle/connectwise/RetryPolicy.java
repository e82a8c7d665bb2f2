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
 * Trying a ConnectWise request again, on SmallRye Fault Tolerance's retry: its attempts
 * ({@code cw.connectwise.retry.max-attempts}), first delay, total budget and retry predicate, with
 * {@link RetryBackoff} as its backoff. Retried: 429 (throttled before it ran), 502/503/504, and connection failures;
 * never a 500, which may have done part of the work. A POST, which would create a second member, is retried only
 * when it provably never ran: a 429, or a connection that was never established.
 */
final class RetryPolicy {

    private final Guard guard;

    RetryPolicy(ConnectWiseConfig.Retry config) {
        this(config, ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1), System::nanoTime,
                LongUnaryOperator.identity());
    }

    /**
     * {@code jitter} picks a wait in {@code [0, ceiling]} milliseconds; {@code nanoTime} is the budget's clock;
     * {@code waiting} turns a chosen wait into the one SmallRye sleeps (the same, but for a test that only records it).
     */
    RetryPolicy(ConnectWiseConfig.Retry config, LongUnaryOperator jitter, LongSupplier nanoTime,
                LongUnaryOperator waiting) {
        this.guard = Guard.create()
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(config.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(RetryPolicy::retryable)
                .withCustomBackoff().strategy(() -> new RetryBackoff(config, jitter, nanoTime, waiting)).done()
                .done()
                .build();
    }

    /** Runs {@code attempt}, and again on a retryable failure while the attempts and the budget last. */
    ApiResponse call(Supplier<ApiResponse> attempt) {
        return guard.get(attempt, ApiResponse.class);
    }

    private static boolean retryable(Throwable failure) {
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
