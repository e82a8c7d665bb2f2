package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

import java.time.Duration;
import java.util.Optional;

/** ConnectWise answered 429; {@link #retryAfter()} is its {@code Retry-After}, when it sent one. */
public class RateLimitedException extends ConnectWiseException {

    private final Duration retryAfter;

    public RateLimitedException(String method, String path, ConnectWiseError error, Duration retryAfter) {
        super(method, path, 429, error, retryAfter == null ? null : "Retry-After " + retryAfter.toSeconds() + "s", null);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
