package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** Renders a stored member as ConnectWise serialises it: null fields left out, references as {id, name, _info}. */
final class MemberJson {

    /** The member's top-level fields, in ConnectWise's order. */
    static final List<String> FIELDS = List.of("id", "identifier", "firstName", "lastName", "middleInitial", "title",
            "officeEmail", "mobileEmail", "homeEmail", "defaultEmail", "officePhone", "mobilePhone", "homePhone",
            "defaultPhone", "licenseClass", "securityRole", "type", "timeZone", "defaultLocation",
            "defaultDepartment", "structureLevel", "securityLocation", "workRole", "workType", "reportsTo", "hireDate",
            "inactiveFlag", "inactiveDate", "notes", "_info");
    static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
    /** Accepted on writes and never rendered, so never queried either. */
    static final Set<String> WRITE_ONLY = Set.of("password");
    /** Fields that hold a reference object, with the {@code _info} href of what each points at. */
    static final Map<String, Href> REFERENCES = Map.of(
            "securityRole", new Href("securityRole_href", "/system/securityroles/"),
            "type", new Href("type_href", "/system/members/types/"),
            "timeZone", new Href("timeZoneSetup_href", "/system/timeZoneSetups/"),
            "defaultLocation", new Href("location_href", "/system/locations/"),
            "defaultDepartment", new Href("department_href", "/system/departments/"),
            "structureLevel", new Href("structureLevel_href", "/company/structureLevels/"),
            "securityLocation", new Href("location_href", "/system/locations/"),
            "workRole", new Href("workRole_href", "/time/workRoles/"),
            "workType", new Href("workType_href", "/time/workTypes/"),
            "reportsTo", new Href("member_href", "/system/members/"));

    /** How a reference's {@code _info} links to the record: {@code {name: apiBase + path + id}}. */
    record Href(String name, String path) {
    }

    private final SystemCatalog catalog;
    private final LongFunction<MemberRecord> members;
    private final Supplier<String> apiBase;

    MemberJson(SystemCatalog catalog, LongFunction<MemberRecord> members, Supplier<String> apiBase) {
        this.catalog = catalog;
        this.members = members;
        this.apiBase = apiBase;
    }

    ObjectNode render(MemberRecord m) {
        return json(m, true);
    }

    /** The member without the references' {@code _info} links: all conditions and orderBy look at, and cheaper. */
    ObjectNode view(MemberRecord m) {
        return json(m, false);
    }

    private ObjectNode json(MemberRecord m, boolean links) {
        ObjectNode json = WireJson.object().put("id", m.id());
        text(json, "identifier", m.identifier());
        text(json, "firstName", m.firstName());
        text(json, "lastName", m.lastName());
        text(json, "middleInitial", m.middleInitial());
        text(json, "title", m.title());
        text(json, "officeEmail", m.officeEmail());
        text(json, "mobileEmail", m.mobileEmail());
        text(json, "homeEmail", m.homeEmail());
        text(json, "defaultEmail", m.defaultEmail());
        text(json, "officePhone", m.officePhone());
        text(json, "mobilePhone", m.mobilePhone());
        text(json, "homePhone", m.homePhone());
        text(json, "defaultPhone", m.defaultPhone());
        text(json, "licenseClass", m.licenseClass());
        if (m.securityRoleId() != null) {
            reference(json, "securityRole", m.securityRoleId(), catalog.roles().get(m.securityRoleId()).name(), links);
        }
        setup(json, "type", m.typeId(), catalog.memberTypes(), links);
        setup(json, "timeZone", m.timeZoneId(), catalog.timeZones(), links);
        setup(json, "defaultLocation", m.locationId(), catalog.locations(), links);
        setup(json, "defaultDepartment", m.departmentId(), catalog.departments(), links);
        setup(json, "structureLevel", m.setup().structureLevelId(), catalog.structureLevels(), links);
        setup(json, "securityLocation", m.setup().securityLocationId(), catalog.locations(), links);
        setup(json, "workRole", m.setup().workRoleId(), catalog.workRoles(), links);
        setup(json, "workType", m.setup().workTypeId(), catalog.workTypes(), links);
        reportsTo(json, m.reportsToId(), links);
        instant(json, "hireDate", m.hireDate());
        json.put("inactiveFlag", m.inactiveFlag());
        instant(json, "inactiveDate", m.inactiveDate());
        text(json, "notes", m.notes());
        json.putObject("_info")
                .put("lastUpdated", WireTime.format(m.audit().lastUpdated()))
                .put("updatedBy", m.audit().updatedBy())
                .put("dateEntered", WireTime.format(m.audit().dateEntered()))
                .put("enteredBy", m.audit().enteredBy());
        return json;
    }

    private void setup(ObjectNode json, String field, Long id, Map<Long, Reference> table, boolean links) {
        if (id != null) {
            reference(json, field, id, table.get(id).name(), links);
        }
    }

    private void reportsTo(ObjectNode json, Long id, boolean links) {
        MemberRecord boss = id == null ? null : members.apply(id);
        if (boss != null) {
            ObjectNode reference = json.putObject("reportsTo").put("id", id).put("identifier", boss.identifier())
                    .put("name", boss.firstName() + " " + boss.lastName());
            link(reference, "reportsTo", id, links);
        }
    }

    private void reference(ObjectNode json, String field, long id, String name, boolean links) {
        link(json.putObject(field).put("id", id).put("name", name), field, id, links);
    }

    private void link(ObjectNode reference, String field, long id, boolean links) {
        if (links) {
            Href href = REFERENCES.get(field);
            reference.putObject("_info").put(href.name(), apiBase.get() + href.path() + id);
        }
    }

    private static void text(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static void instant(ObjectNode json, String field, Instant value) {
        if (value != null) {
            json.put(field, WireTime.format(value));
        }
    }
}
