package dev.cwlifecycle.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.connectwise.model.SecurityRole;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Locale;

/** A member as a mover's answer shows it, in the request's field names; a field ConnectWise leaves empty is null. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemberState(String identifier, String firstName, String lastName, String email, String title,
                          String phone, String role, Integer roleId, String licenseClass, Integer defaultLocationId,
                          Integer defaultDepartmentId, Integer timeZoneId, Integer memberTypeId, boolean active) {

    static MemberState of(Member member) {
        return new MemberState(member.identifier(), member.firstName(), member.lastName(), member.officeEmail(),
                member.title(), member.officePhone(), name(member.securityRole()), id(member.securityRole()),
                member.licenseClass(), id(member.defaultLocation()), id(member.defaultDepartment()),
                id(member.timeZone()), id(member.type()), member.active());
    }

    /** This state with {@code change} applied, as ConnectWise would keep it ({@code role}: the one it names). */
    MemberState with(MemberChange change, SecurityRole role) {
        return new MemberState(identifier, or(trimmed(change.firstName()), firstName),
                or(trimmed(change.lastName()), lastName), or(change.email(), email), or(change.title(), title),
                or(change.phone(), phone), role == null ? this.role : role.name(), role == null ? roleId : role.id(),
                change.licenseClass() == null ? licenseClass : change.licenseClass().toUpperCase(Locale.ROOT),
                or(change.defaultLocationId(), defaultLocationId),
                or(change.defaultDepartmentId(), defaultDepartmentId), or(change.timeZoneId(), timeZoneId),
                or(change.memberTypeId(), memberTypeId), active);
    }

    static String trimmed(String name) {
        return name == null ? null : name.trim();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static Integer id(Reference reference) {
        return reference == null ? null : reference.id();
    }

    private static String name(Reference reference) {
        return reference == null ? null : reference.name();
    }
}
