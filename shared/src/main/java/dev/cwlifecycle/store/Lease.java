package dev.cwlifecycle.store;

import java.time.Instant;

/** The right to write one tenant's stream until {@code expiresAt}; {@code owner} names the run holding it. */
public record Lease(String tenant, String stream, String owner, Instant expiresAt) {
}
