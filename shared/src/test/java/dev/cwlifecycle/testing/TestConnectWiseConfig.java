package dev.cwlifecycle.testing;

import dev.cwlifecycle.connectwise.ConnectWiseConfig;

import java.time.Duration;

/** ConnectWise client settings for tests: the production defaults, with short waits so retries are quick. */
public record TestConnectWiseConfig(boolean discoverCodebase, int maxAttempts, Duration maxDelay,
                                    Duration maxDuration) implements ConnectWiseConfig {

    public static TestConnectWiseConfig defaults() {
        return new TestConnectWiseConfig(true, 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public TestConnectWiseConfig withMaxAttempts(int attempts) {
        return new TestConnectWiseConfig(discoverCodebase, attempts, maxDelay, maxDuration);
    }

    /** The longest single wait and the total budget of one request's retries. */
    public TestConnectWiseConfig withRetryWaits(Duration longestWait, Duration budget) {
        return new TestConnectWiseConfig(discoverCodebase, maxAttempts, longestWait, budget);
    }

    @Override
    public String apiVersion() {
        return "2025.8";
    }

    @Override
    public String defaultCodebase() {
        return "v4_6_release/";
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration readTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration roleCacheTtl() {
        return Duration.ofMinutes(10);
    }

    @Override
    public Duration clockSkew() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Retry retry() {
        return new Retry() {
            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public Duration initialDelay() {
                return Duration.ofMillis(20);
            }

            @Override
            public Duration maxDelay() {
                return maxDelay;
            }

            @Override
            public Duration maxDuration() {
                return maxDuration;
            }
        };
    }
}
