package dev.cwlifecycle.store;

import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.people.OfficeEmail;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One ConnectWise member as mirrored in the directory. {@code officeEmail} is kept in the form people are
 * compared by ({@link OfficeEmail#key}: NFC, ASCII domain, lower case), the form the email index matches. A row flagged only by {@link MemberDirectory#markPending} has no member data
 * yet: every field but tenant, memberId and pending is null (booleans false) until the next sync fills it.
 *
 * @param deleted a tombstone: the member is gone from ConnectWise as of {@code lastUpdated}
 * @param pending a callback for this member could not be applied; the next sync refreshes it
 */
public record DirectoryEntry(
        String tenant,
        long memberId,
        String identifier,
        String firstName,
        String lastName,
        String officeEmail,
        String securityRole,
        String licenseClass,
        boolean active,
        Instant lastUpdated,
        Source source,
        boolean deleted,
        boolean pending) {

    public DirectoryEntry {
        Objects.requireNonNull(tenant, "tenant");
        officeEmail = officeEmail == null ? null : OfficeEmail.key(officeEmail);
    }

    /** The member fields the directory keeps: what a sync asks ConnectWise for ({@code fields}). */
    public static final List<String> MEMBER_FIELDS = List.of("id", "identifier", "firstName", "lastName",
            "officeEmail", "securityRole", "licenseClass", "inactiveFlag", "_info");

    /** The directory's view of a member ConnectWise returned (with at least {@link #MEMBER_FIELDS}). */
    public static DirectoryEntry of(String tenant, Member member, Source source) {
        return new DirectoryEntry(tenant, member.id(), member.identifier(), member.firstName(), member.lastName(),
                member.officeEmail(), member.securityRole() == null ? null : member.securityRole().name(),
                member.licenseClass(), member.active(), member.lastUpdated(), source, false, false);
    }

    /** True when both hold the same member data (whatever their stamps, source or flags). */
    public boolean sameMemberData(DirectoryEntry other) {
        return Objects.equals(identifier, other.identifier) && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName) && Objects.equals(officeEmail, other.officeEmail)
                && Objects.equals(securityRole, other.securityRole) && Objects.equals(licenseClass, other.licenseClass)
                && active == other.active;
    }

    /** Which path wrote the entry last. */
    public enum Source {
        SYNC, CALLBACK, PROVISION, DEPROVISION, MOVER,
        /** A read through the API that asked ConnectWise ({@code fresh=true}). */
        READ;

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source fromAttribute(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
