package dev.cwlifecycle.lifecycle;

/**
 * A change to one member, as validated at the edge: the member by {@code identifier} or by {@code memberId} (exactly
 * one), and only the fields to change (null: leave as it is). The office email is in its normalised form; the
 * security role is named by name or by id. {@code dryRun} plans without writing.
 */
public record MemberChange(String identifier, Long memberId, String firstName, String lastName, String email,
                           String title, String phone, String role, Integer roleId, String licenseClass,
                           Integer defaultLocationId, Integer defaultDepartmentId, Integer timeZoneId,
                           Integer memberTypeId, TicketReference ticket, boolean dryRun) {

    boolean namesRole() {
        return role != null || roleId != null;
    }

    /** How the caller named the member, for a "not found": {@code with identifier 'jdoe'}. */
    String named() {
        return identifier != null ? "with identifier '" + identifier + "'" : "with id " + memberId;
    }
}
