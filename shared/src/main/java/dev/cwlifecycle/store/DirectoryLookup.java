package dev.cwlifecycle.store;

import java.util.List;
import java.util.Optional;

/** What the read API asks of the directory: members by id, identifier or office email, and pages of a tenant's. */
public interface DirectoryLookup {

    /** The row of the member, tombstone or not, read consistently. */
    Optional<DirectoryRow> row(String tenant, long memberId);

    /**
     * The rows whose identifier is exactly {@code identifier} (ConnectWise keeps identifiers unique, so at most one
     * that is not a tombstone), read from the identifier index, which may lag a write by a moment.
     */
    List<DirectoryRow> rowsByIdentifier(String tenant, String identifier);

    /** The rows whose office email is {@code email}, ignoring case; tombstones included. */
    List<DirectoryRow> rowsByEmail(String tenant, String email);

    /**
     * Up to {@code limit} members after {@code afterMemberId} in id order, tombstones and rows with no member data yet
     * left out; only active (or only inactive) ones when {@code active} is given.
     */
    DirectoryPage page(String tenant, Optional<Boolean> active, int limit, Optional<Long> afterMemberId);
}
