package dev.cwlifecycle.provision;

import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.lifecycle.NewMember;
import dev.cwlifecycle.lifecycle.TicketReference;
import dev.cwlifecycle.people.OfficeEmail;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The body of {@code POST /members}. */
@RegisterForReflection
public record ProvisionRequest(String firstName, String lastName, String email, String identifier, String role,
                               Integer roleId, String licenseClass, String title, String phone, String hireDate,
                               Integer defaultLocationId, Integer defaultDepartmentId, Integer timeZoneId,
                               Integer memberTypeId, TicketReference ticket, Boolean dryRun) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * Every field problem at once, before anything is asked of ConnectWise (ConnectWise's own limits); then the
     * request with its email in the one form a person is known by ({@link OfficeEmail#normalised}).
     */
    ProvisionRequest validated() {
        Validation validation = new Validation()
                .text("firstName", firstName, true, 30)
                .text("lastName", lastName, true, 30)
                .email("email", email)
                .identifier("identifier", identifier)
                .securityRole(role, roleId, true)
                .licenseClass(licenseClass)
                .text("title", title, false, 50)
                .text("phone", phone, false, 15)
                .check(hireDate == null || hireDateInstant() != null, "hireDate",
                        "must be a date (2026-01-31) or a UTC date-time (2026-01-31T09:00:00Z)")
                .positive("defaultLocationId", defaultLocationId)
                .positive("defaultDepartmentId", defaultDepartmentId)
                .positive("timeZoneId", timeZoneId)
                .positive("memberTypeId", memberTypeId)
                .ticket(ticket);
        validation.orThrow();
        return new ProvisionRequest(firstName, lastName, OfficeEmail.normalised(email), identifier, role, roleId,
                licenseClass, title, phone, hireDate, defaultLocationId, defaultDepartmentId, timeZoneId,
                memberTypeId, ticket, dryRun);
    }

    /** The person for the lifecycle core; of a {@link #validated} request. */
    NewMember newMember() {
        return new NewMember(firstName, lastName, email, identifier, role, roleId, licenseClass, title, phone,
                hireDateInstant(), defaultLocationId, defaultDepartmentId, timeZoneId, memberTypeId, ticket,
                isDryRun());
    }

    /** The hire date as ConnectWise stores it, or null when absent or unreadable. */
    private Instant hireDateInstant() {
        if (hireDate == null) {
            return null;
        }
        try {
            return hireDate.length() == 10 ? LocalDate.parse(hireDate).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(hireDate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The same request, asked again, has this same text: what idempotency compares. */
    ProvisionRequest withoutDryRun() {
        return new ProvisionRequest(firstName, lastName, OfficeEmail.key(email), identifier, role, roleId,
                licenseClass, title, phone, hireDate, defaultLocationId, defaultDepartmentId, timeZoneId,
                memberTypeId, ticket, null);
    }
}
