package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseErrors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ConnectWise's PATCH: an RFC 6902 array of {@code replace}/{@code add}/{@code remove} operations on top-level
 * member fields, paths with or without a leading {@code /}, case-sensitive. A path inside a reference
 * ({@code securityRole/id}) is accepted and changes nothing, like the real API's false 200; so are the
 * read-only {@code id} and {@code _info}.
 */
final class MemberPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "_info");

    private MemberPatch() {
    }

    /** The member after the operations; validation of the result is the caller's. */
    static ObjectNode apply(ObjectNode member, JsonNode operations) {
        if (!operations.isArray()) {
            throw ConnectWiseErrors.badRequest("The request body must be a JSON Patch array of operations,"
                    + " e.g. [{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}].");
        }
        ObjectNode patched = member.deepCopy();
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText("");
            String path = operation.path("path").asText("");
            if (!operation.isObject() || op.isEmpty() || path.isEmpty()) {
                throw ConnectWiseErrors.badRequest("Each patch operation needs an op and a path.");
            }
            String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
            String field = segments[0];
            boolean hasInnerPaths = MemberJson.REFERENCES.containsKey(field) || READ_ONLY.contains(field);
            boolean modelled = MemberJson.FIELD_SET.contains(field) || MemberJson.WRITE_ONLY.contains(field);
            if (!SpecSchema.isProperty("Member", field) || (modelled && segments.length > 1 && !hasInnerPaths)) {
                errors.add(FieldError.invalid(path, "Cannot apply the patch: '" + path + "' is not a member field."));
                continue;
            }
            // a spec field the simulator does not model is accepted and, like a path inside a reference, is a no-op
            if (!modelled || segments.length > 1 || READ_ONLY.contains(field)) {
                continue;
            }
            switch (op.toLowerCase(Locale.ROOT)) {
                case "replace", "add" -> {
                    if (!operation.has("value")) {
                        throw ConnectWiseErrors.badRequest("The " + op + " operation on '" + path + "' needs a value.");
                    }
                    patched.set(field, operation.get("value"));
                }
                case "remove" -> patched.remove(field);
                default -> throw ConnectWiseErrors.badRequest("The patch operation '" + op
                        + "' is not supported: use replace, add or remove.");
            }
        }
        if (!errors.isEmpty()) {
            throw ConnectWiseErrors.invalidObject("member", errors);
        }
        return patched;
    }
}
