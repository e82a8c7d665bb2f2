package dev.cwlifecycle.mover;

import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.lifecycle.MemberChange;
import dev.cwlifecycle.lifecycle.TicketReference;
import dev.cwlifecycle.people.OfficeEmail;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.stream.Stream;

/**
 * The body of {@code PATCH /members/{identifier}} and {@code PATCH /members/by-id/{memberId}}: only the fields to
 * change (merge semantics; a field left out, or null, stays as it is).
 */
@RegisterForReflection
public record MoverRequest(String firstName, String lastName, String email, String title, String phone, String role,
                           Integer roleId, String licenseClass, Integer defaultLocationId,
                           Integer defaultDepartmentId, Integer timeZoneId, Integer memberTypeId,
                           TicketReference ticket, Boolean dryRun) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * Every field problem at once, by the rules provision applies (ConnectWise's limits; names are never blank);
     * then the request with its email in the one form a person is known by ({@link OfficeEmail#normalised}).
     */
    MoverRequest validated() {
        Validation validation = new Validation()
                .check(Stream.of(firstName, lastName, email, title, phone, role, roleId, licenseClass,
                                defaultLocationId, defaultDepartmentId, timeZoneId, memberTypeId)
                                .anyMatch(field -> field != null), "body",
                        "name at least one member field to change")
                .text("firstName", firstName, firstName != null, 30)
                .text("lastName", lastName, lastName != null, 30)
                .text("title", title, false, 50)
                .text("phone", phone, false, 15)
                .securityRole(role, roleId, false)
                .licenseClass(licenseClass)
                .positive("defaultLocationId", defaultLocationId)
                .positive("defaultDepartmentId", defaultDepartmentId)
                .positive("timeZoneId", timeZoneId)
                .positive("memberTypeId", memberTypeId)
                .ticket(ticket);
        if (email != null) {
            validation.email("email", email);
        }
        validation.orThrow();
        return email == null ? this : new MoverRequest(firstName, lastName, OfficeEmail.normalised(email), title,
                phone, role, roleId, licenseClass, defaultLocationId, defaultDepartmentId, timeZoneId, memberTypeId,
                ticket, dryRun);
    }

    /** The change for the lifecycle core, of the member the route names; of a {@link #validated} request. */
    MemberChange change(String identifier, Long memberId) {
        return new MemberChange(identifier, memberId, firstName, lastName, email, title, phone, role, roleId,
                licenseClass, defaultLocationId, defaultDepartmentId, timeZoneId, memberTypeId, ticket, isDryRun());
    }

    /** The same request, asked again, has this same text: what idempotency compares. */
    MoverRequest withoutDryRun() {
        return new MoverRequest(firstName, lastName, email == null ? null : OfficeEmail.key(email), title, phone,
                role, roleId, licenseClass, defaultLocationId, defaultDepartmentId, timeZoneId, memberTypeId, ticket,
                null);
    }
}
