package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * When and how long to wait before trying a ConnectWise request again (SmallRye Fault Tolerance).
 * Retried: 429 (throttled before it ran), 502/503/504, and connection failures. A POST, which would create a
 * second member, is retried only when it provably never ran: a 429, or a connection that was never established.
 * Waits grow exponentially with full jitter; a {@code Retry-After} is honoured, and one longer than the
 * longest allowed wait is reported rather than waited out.
 */
final class RetryPolicy {

    private final ConnectWiseConfig.Retry config;
    private final Guard guard;

    RetryPolicy(ConnectWiseConfig.Retry config) {
        this.config = config;
        this.guard = Guard.create()
                .withRetry()
                .maxRetries(Math.max(0, config.maxAttempts() - 1))
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(this::retryable)
                .withCustomBackoff().strategy(Backoff::new).done()
                .done()
                .build();
    }

    ApiResponse call(Supplier<ApiResponse> attempt) {
        return guard.get(attempt, ApiResponse.class);
    }

    boolean retryable(Throwable failure) {
        if (failure instanceof RateLimitedException limited) {
            return limited.retryAfter().map(wait -> wait.compareTo(config.maxDelay()) <= 0).orElse(true);
        }
        if (failure instanceof ConnectionFailedException connection) {
            return connection.neverSent() || !"POST".equals(connection.method());
        }
        if (failure instanceof ServerErrorException server) {
            return server.transientStatus() && !"POST".equals(server.method());
        }
        return false;
    }

    /** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
    private final class Backoff implements CustomBackoffStrategy {
        private long ceiling;

        @Override
        public void init(long initialDelayInMillis) {
            ceiling = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            if (cause instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
                return limited.retryAfter().get().toMillis();
            }
            long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
            ceiling = Math.min(ceiling * 2, config.maxDelay().toMillis());
            return delay;
        }
    }
}
