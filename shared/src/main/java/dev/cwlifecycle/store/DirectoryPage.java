package dev.cwlifecycle.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's directory in member id order; {@code lastMemberId} is where the next page starts after,
 * empty when the directory has no more rows.
 */
public record DirectoryPage(List<DirectoryRow> rows, Optional<Long> lastMemberId) {
}
