package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.SetupTable;
import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.model.SecurityRole;
import dev.cwlifecycle.lifecycle.exceptions.UnknownReference;
import dev.cwlifecycle.lifecycle.exceptions.UnknownSecurityRole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member refers to in ConnectWise's setup, checked before anything is written: the security role (by name or
 * id, from the cached role map) and the four setup tables (locations, departments, time zones, member types), each
 * read only when a request names one of its ids. A wrong one is refused naming the caller's field.
 */
final class SetupReferences {

    private static final Map<String, SetupTable> SETUP_TABLES = Map.of("defaultLocationId", SetupTable.LOCATIONS,
            "defaultDepartmentId", SetupTable.DEPARTMENTS, "timeZoneId", SetupTable.TIME_ZONES,
            "memberTypeId", SetupTable.MEMBER_TYPES);

    /** The member's reference fields as ConnectWise names them, and the request fields that fill them. */
    private static final Map<String, String> REFERENCE_FIELDS = Map.of("defaultLocation", "defaultLocationId",
            "defaultDepartment", "defaultDepartmentId", "timeZone", "timeZoneId", "type", "memberTypeId",
            "securityRole", "roleId");

    private SetupReferences() {
    }

    /** The role named by {@code name} (case-insensitive) or by {@code id}; {@link UnknownSecurityRole} otherwise. */
    static SecurityRole role(ConnectWiseClient client, String name, Integer id) {
        if (id != null) {
            return client.securityRoles().values().stream().filter(role -> role.id() == id)
                    .findFirst().orElseThrow(() -> unknownRole("roleId " + id, client));
        }
        return client.securityRole(name).orElseThrow(() -> unknownRole("'" + name + "'", client));
    }

    /** Each id given (null: not named) exists in its setup table; else {@link UnknownReference} naming them all. */
    static void requireKnown(ConnectWiseClient client, Integer defaultLocationId, Integer defaultDepartmentId,
                             Integer timeZoneId, Integer memberTypeId) {
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("defaultLocationId", defaultLocationId);
        named.put("defaultDepartmentId", defaultDepartmentId);
        named.put("timeZoneId", timeZoneId);
        named.put("memberTypeId", memberTypeId);
        List<UnknownReference.Field> unknown = named.entrySet().stream()
                .filter(field -> field.getValue() != null
                        && !client.ids(SETUP_TABLES.get(field.getKey())).contains(field.getValue()))
                .map(field -> new UnknownReference.Field(field.getKey(), "does not exist in ConnectWise"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownReference(unknown);
        }
    }

    /**
     * ConnectWise's field errors on the references we passed on (a location id it does not have, say) are the
     * caller's mistake, named by the caller's field: 422. Anything else stays ConnectWise refusing us (502).
     */
    static RuntimeException refused(BadRequestException refused) {
        List<UnknownReference.Field> ours = refused.error() == null ? List.of() : refused.error().fieldErrors()
                .stream().filter(error -> REFERENCE_FIELDS.containsKey(error.field()))
                .map(error -> new UnknownReference.Field(REFERENCE_FIELDS.get(error.field()),
                        "does not exist in ConnectWise (" + error.message() + ")"))
                .toList();
        return ours.isEmpty() ? refused : new UnknownReference(ours);
    }

    private static UnknownSecurityRole unknownRole(String named, ConnectWiseClient client) {
        return new UnknownSecurityRole(named, client.securityRoles().values().stream().map(SecurityRole::name)
                .sorted().toList());
    }
}
