package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.simulator.ConnectWiseErrors.FieldError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The checks of {@code POST /system/members/{id}/deactivate}: its {@code MemberDeactivation} body names who takes
 * over the member's open work ({@code reAssignToMember}, by id or identifier: an existing, active, other member),
 * and open time sheets block it unless {@code deleteOpenTimeSheetsFlag} is set.
 */
final class MemberDeactivation {

    private static final String RESOURCE = "memberDeactivation";
    private static final Set<String> FIELDS = Set.of("reAssignToMember", "deleteOpenTimeSheetsFlag");

    private final LongFunction<MemberRecord> byId;
    private final Function<String, Long> identifierOwner;

    MemberDeactivation(LongFunction<MemberRecord> byId, Function<String, Long> identifierOwner) {
        this.byId = byId;
        this.identifierOwner = identifierOwner;
    }

    void check(MemberRecord member, JsonNode body) {
        if (!body.isObject()) {
            throw ConnectWiseErrors.badRequest("The request body must be a MemberDeactivation object.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.invalid(name,
                        "Unknown property '" + name + "': it is not a MemberDeactivation field."));
            }
        }
        checkSuccessor(member, body.get("reAssignToMember"), errors);
        if (member.openTimeSheets() && !body.path("deleteOpenTimeSheetsFlag").asBoolean(false)) {
            errors.add(FieldError.invalid("deleteOpenTimeSheetsFlag", "Member " + member.identifier() + " has open"
                    + " time sheets: set deleteOpenTimeSheetsFlag to delete them, or close them first."));
        }
        if (!errors.isEmpty()) {
            throw ConnectWiseErrors.invalidObject(RESOURCE, errors);
        }
        if (member.inactiveFlag()) {
            throw ConnectWiseErrors.badRequest("Member " + member.identifier() + " is already inactive.");
        }
    }

    private void checkSuccessor(MemberRecord member, JsonNode reference, List<FieldError> errors) {
        if (reference == null || reference.isNull()) {
            errors.add(FieldError.missing("reAssignToMember"));
            return;
        }
        MemberRecord successor = resolve(reference);
        if (successor == null) {
            errors.add(FieldError.invalid("reAssignToMember", "The member to reassign to was not found: " + reference));
        } else if (successor.id() == member.id()) {
            errors.add(FieldError.invalid("reAssignToMember", "Open work cannot be reassigned to the member being"
                    + " deactivated."));
        } else if (successor.inactiveFlag()) {
            errors.add(FieldError.invalid("reAssignToMember", "Member " + successor.identifier()
                    + " is inactive and cannot take over open work."));
        }
    }

    private MemberRecord resolve(JsonNode reference) {
        JsonNode id = reference.get("id");
        if (id != null && id.canConvertToLong()) {
            return byId.apply(id.asLong());
        }
        JsonNode identifier = reference.get("identifier");
        if (identifier != null && identifier.isTextual()) {
            Long owner = identifierOwner.apply(identifier.asText().toLowerCase(Locale.ROOT));
            return owner == null ? null : byId.apply(owner);
        }
        return null;
    }
}
