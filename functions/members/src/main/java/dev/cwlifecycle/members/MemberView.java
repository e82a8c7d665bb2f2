package dev.cwlifecycle.members;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.DirectoryRow;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * A member as the directory knows it. {@code lastUpdated} is ConnectWise's stamp of the member's last change,
 * {@code syncedAt} when the row was last written from what ConnectWise said (a sync, a callback, a fresh read).
 */
@RegisterForReflection
public record MemberView(long memberId, String identifier, String firstName, String lastName, String email,
                         String role, String licenseClass, boolean active, boolean deleted, Instant lastUpdated,
                         Instant syncedAt) {

    static MemberView of(DirectoryRow row) {
        DirectoryEntry entry = row.entry();
        return new MemberView(entry.memberId(), entry.identifier(), entry.firstName(), entry.lastName(),
                entry.officeEmail(), entry.securityRole(), entry.licenseClass(), entry.active(), entry.deleted(),
                entry.lastUpdated(), row.syncedAt());
    }
}
