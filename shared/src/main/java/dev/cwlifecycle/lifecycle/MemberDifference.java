package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.JsonPatch;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.connectwise.model.SecurityRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a change asks of a member that the member does not already have: one entry per request field, each the
 * ConnectWise field it sets and the value. References are set whole ({@code {"id": 5}}), never by an inner path.
 */
final class MemberDifference {

    /** One differing field: the request's name for it, ConnectWise's, and the value to send. */
    private record Field(String name, String path, Object value) {
    }

    private final List<Field> fields;

    private MemberDifference(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The fields of {@code change} that differ from {@code member}; {@code role} is the one the change names. */
    static MemberDifference between(Member member, MemberChange change, SecurityRole role) {
        List<Field> fields = new ArrayList<>();
        text(fields, "firstName", "firstName", MemberState.trimmed(change.firstName()), member.firstName());
        text(fields, "lastName", "lastName", MemberState.trimmed(change.lastName()), member.lastName());
        text(fields, "email", "officeEmail", change.email(), member.officeEmail());
        text(fields, "title", "title", change.title(), member.title());
        text(fields, "phone", "officePhone", change.phone(), member.officePhone());
        if (role != null && !Objects.equals(id(member.securityRole()), role.id())) {
            fields.add(new Field(change.roleId() != null ? "roleId" : "role", "securityRole", Reference.to(role.id())));
        }
        text(fields, "licenseClass", "licenseClass",
                change.licenseClass() == null ? null : change.licenseClass().toUpperCase(Locale.ROOT),
                member.licenseClass());
        reference(fields, "defaultLocationId", "defaultLocation", change.defaultLocationId(), member.defaultLocation());
        reference(fields, "defaultDepartmentId", "defaultDepartment", change.defaultDepartmentId(),
                member.defaultDepartment());
        reference(fields, "timeZoneId", "timeZone", change.timeZoneId(), member.timeZone());
        reference(fields, "memberTypeId", "type", change.memberTypeId(), member.type());
        return new MemberDifference(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    boolean has(String field) {
        return fields.stream().anyMatch(f -> f.name().equals(field));
    }

    /** The request's names of the differing fields, in the order of the request's fields. */
    List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** One JSON Patch replacing exactly the differing fields, and {@code notes} when given (null: left alone). */
    JsonPatch patch(String notes) {
        JsonPatch patch = JsonPatch.of();
        for (Field field : fields) {
            patch = patch.replace(field.path(), field.value());
        }
        return notes == null ? patch : patch.replace("notes", notes);
    }

    private static void text(List<Field> fields, String name, String path, String given, String current) {
        if (given != null && !given.equals(current == null ? "" : current)) {
            fields.add(new Field(name, path, given));
        }
    }

    private static void reference(List<Field> fields, String name, String path, Integer given, Reference current) {
        if (given != null && !given.equals(id(current))) {
            fields.add(new Field(name, path, Reference.to(given)));
        }
    }

    private static Integer id(Reference reference) {
        return reference == null ? null : reference.id();
    }
}
