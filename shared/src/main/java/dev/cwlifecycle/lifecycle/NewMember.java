package dev.cwlifecycle.lifecycle;

import java.time.Instant;

/**
 * A person to provision, as validated at the edge: names, the office email in its normalised form, the security
 * role by name or id, and the optional fields ConnectWise keeps. {@code dryRun} plans without writing.
 *
 * @param identifier null to derive one by the identifier convention
 * @param hireDate   null for today
 */
public record NewMember(String firstName, String lastName, String email, String identifier, String role,
                        Integer roleId, String licenseClass, String title, String phone, Instant hireDate,
                        Integer defaultLocationId, Integer defaultDepartmentId, Integer timeZoneId,
                        Integer memberTypeId, TicketReference ticket, boolean dryRun) {
}
