package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A tenant's setup tables that members refer to: security roles, member types, locations, departments, time zones,
 * structure levels, work roles and work types.
 */
final class SystemCatalog {

    static final Set<String> ROLE_FIELDS = Set.of("id", "name", "roleType", "adminFlag", "inactiveFlag", "_info");
    static final Set<String> REFERENCE_FIELDS = Set.of("id", "name", "inactiveFlag", "_info");
    private static final String SETUP_USER = "admin";

    private final NavigableMap<Long, SecurityRole> roles;
    private final NavigableMap<Long, Reference> memberTypes;
    private final NavigableMap<Long, Reference> locations;
    private final NavigableMap<Long, Reference> departments;
    private final NavigableMap<Long, Reference> timeZones;
    private final NavigableMap<Long, Reference> structureLevels;
    private final NavigableMap<Long, Reference> workRoles;
    private final NavigableMap<Long, Reference> workTypes;
    private final Instant setUpAt;

    private SystemCatalog(Instant setUpAt) {
        this.setUpAt = setUpAt;
        this.roles = byId(List.of(
                new SecurityRole(1, "Admin", "AdminRole", true, false),
                new SecurityRole(2, "Technician", "RegularRole", false, false),
                new SecurityRole(3, "Dispatch", "RegularRole", false, false),
                new SecurityRole(4, "Sales", "RegularRole", false, false),
                new SecurityRole(5, "Finance", "RegularRole", false, false),
                new SecurityRole(6, "Project Manager", "RegularRole", false, false),
                new SecurityRole(7, "Service Manager", "RegularRole", false, false),
                new SecurityRole(8, "Executive", "RegularRole", false, false),
                new SecurityRole(9, "API Member", "RegularRole", false, false),
                new SecurityRole(10, "Subcontractor", "RegularRole", false, false),
                new SecurityRole(11, "Legacy Technician", "RegularRole", false, true)), SecurityRole::id);
        this.memberTypes = references("Full Time Employee", "Part Time Employee", "Contractor", "Intern");
        this.locations = references("Headquarters", "Branch Office", "Remote");
        this.departments = references("Services", "Sales", "Administration", "Projects");
        this.timeZones = references("Eastern", "Central", "Mountain", "Pacific", "GMT", "Central Europe");
        this.structureLevels = references("Corporate", "Region", "Branch");
        this.workRoles = references("Engineer", "Senior Engineer", "Project Manager", "Consultant");
        this.workTypes = references("Regular", "Overtime", "Remote Support", "Onsite");
    }

    /** The setup ConnectWise ships with, dated {@code setUpAt}. */
    static SystemCatalog standard(Instant setUpAt) {
        return new SystemCatalog(setUpAt);
    }

    NavigableMap<Long, SecurityRole> roles() {
        return roles;
    }

    NavigableMap<Long, Reference> memberTypes() {
        return memberTypes;
    }

    NavigableMap<Long, Reference> locations() {
        return locations;
    }

    NavigableMap<Long, Reference> departments() {
        return departments;
    }

    NavigableMap<Long, Reference> timeZones() {
        return timeZones;
    }

    NavigableMap<Long, Reference> structureLevels() {
        return structureLevels;
    }

    NavigableMap<Long, Reference> workRoles() {
        return workRoles;
    }

    NavigableMap<Long, Reference> workTypes() {
        return workTypes;
    }

    Optional<SecurityRole> role(long id) {
        return Optional.ofNullable(roles.get(id));
    }

    ObjectNode roleJson(SecurityRole role) {
        ObjectNode json = WireJson.object()
                .put("id", role.id())
                .put("name", role.name())
                .put("roleType", role.roleType())
                .put("adminFlag", role.adminFlag())
                .put("inactiveFlag", role.inactiveFlag());
        json.set("_info", info());
        return json;
    }

    ObjectNode referenceJson(Reference row) {
        ObjectNode json = WireJson.object().put("id", row.id()).put("name", row.name()).put("inactiveFlag", false);
        json.set("_info", info());
        return json;
    }

    private ObjectNode info() {
        String at = WireTime.format(setUpAt);
        return WireJson.object().put("lastUpdated", at).put("updatedBy", SETUP_USER)
                .put("dateEntered", at).put("enteredBy", SETUP_USER);
    }

    private static NavigableMap<Long, Reference> references(String... names) {
        NavigableMap<Long, Reference> table = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            table.put(i + 1L, new Reference(i + 1L, names[i]));
        }
        return table;
    }

    private static <T> NavigableMap<Long, T> byId(List<T> rows, Function<T, Long> id) {
        NavigableMap<Long, T> table = new TreeMap<>();
        rows.forEach(row -> table.put(id.apply(row), row));
        return table;
    }
}
