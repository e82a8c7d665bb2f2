package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseErrors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * {@code POST /system/members/{id}/deactivate} with the spec's {@code MemberDeactivation} body: one object per kind
 * of open work, each naming its {@code reAssignToMember} (an existing, active, other member, by id or identifier),
 * the per-customer {@code companyTeam[]} and {@code serviceStatusWorkflow[]} arrays, and
 * {@code deleteOpenTimeSheetsFlag} (open time sheets block deactivation without it). Work of a kind nobody is named
 * for stays with the leaver: what a real site does then is unverified, so nothing is refused for it. The answer is
 * the body again, each kind with the {@code count} it moved.
 */
final class MemberDeactivation {

    private static final String RESOURCE = "memberDeactivation";

    private final LongFunction<MemberRecord> byId;
    private final Function<String, Long> identifierOwner;

    MemberDeactivation(LongFunction<MemberRecord> byId, Function<String, Long> identifierOwner) {
        this.byId = byId;
        this.identifierOwner = identifierOwner;
    }

    /** Checks the body, moves the work it names and answers the spec's {@code MemberDeactivation}. */
    ObjectNode apply(MemberRecord member, JsonNode body, OpenWork work) {
        if (!body.isObject()) {
            throw ConnectWiseErrors.badRequest("The request body must be a MemberDeactivation object.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String kind : OpenWork.KINDS) {
            successor(member, kind, body.path(kind).get("reAssignToMember"), errors);
        }
        for (String list : List.of(OpenWork.COMPANY_TEAM, OpenWork.STATUS_WORKFLOW)) {
            JsonNode entries = body.path(list);
            if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
                errors.add(FieldError.invalid(list, "The " + list + " field must be an array."));
            }
            entries.forEach(entry -> successor(member, list, entry.get("reAssignToMember"), errors));
        }
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
        return handOver(member, body, work);
    }

    private ObjectNode handOver(MemberRecord member, JsonNode body, OpenWork work) {
        ObjectNode answer = WireJson.object();
        for (String kind : OpenWork.KINDS) {
            MemberRecord successor = successor(member, kind, body.path(kind).get("reAssignToMember"), null);
            if (successor != null) {
                answer.putObject(kind).put("count", work.move(member.id(), kind, successor.id()))
                        .set("reAssignToMember", reference(successor));
            }
        }
        ArrayNode teams = answer.putArray(OpenWork.COMPANY_TEAM);
        for (JsonNode entry : body.path(OpenWork.COMPANY_TEAM)) {
            MemberRecord successor = successor(member, OpenWork.COMPANY_TEAM, entry.get("reAssignToMember"), null);
            ObjectNode team = teams.addObject().put("id", entry.path("id").asLong())
                    .put("name", entry.path("name").asText(""))
                    .put("count", work.moveCompanyTeam(member.id(), entry.path("id").asLong(),
                            successor == null ? null : successor.id()));
            if (successor != null) {
                team.set("reAssignToMember", reference(successor));
            } else if (entry.hasNonNull("reAssignToContact")) {
                team.set("reAssignToContact", entry.get("reAssignToContact"));
            }
        }
        ArrayNode workflows = answer.putArray(OpenWork.STATUS_WORKFLOW);
        body.path(OpenWork.STATUS_WORKFLOW).forEach(entry -> workflows.add(((ObjectNode) entry.deepCopy())
                .put("count", 0)));
        answer.put("deleteOpenTimeSheetsFlag", body.path("deleteOpenTimeSheetsFlag").asBoolean(false));
        return answer;
    }

    /**
     * The member a kind is handed to, or null when the body names nobody for it; a reference that does not name an
     * active other member is an error when {@code errors} collects them.
     */
    private MemberRecord successor(MemberRecord member, String kind, JsonNode reference, List<FieldError> errors) {
        if (reference == null || reference.isNull()) {
            return null;
        }
        MemberRecord successor = resolve(reference);
        String problem = successor == null ? "The member to reassign " + kind + " to was not found: " + reference
                : successor.id() == member.id() ? "Open work cannot be reassigned to the member being deactivated."
                : successor.inactiveFlag() ? "Member " + successor.identifier() + " is inactive and cannot take over"
                + " open work." : null;
        if (problem != null && errors != null) {
            errors.add(FieldError.invalid(kind + ".reAssignToMember", problem));
        }
        return problem == null ? successor : null;
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

    private static ObjectNode reference(MemberRecord member) {
        return WireJson.object().put("id", member.id()).put("identifier", member.identifier())
                .put("name", member.firstName() + " " + member.lastName());
    }
}
