package dev.cwlifecycle.store;

import java.time.Instant;

/**
 * A directory row as the read API shows it: the member and when the row was last written from what ConnectWise said
 * ({@code syncedAt}; null for a row written before the directory kept it, or only flagged pending since).
 */
public record DirectoryRow(DirectoryEntry entry, Instant syncedAt) {
}
