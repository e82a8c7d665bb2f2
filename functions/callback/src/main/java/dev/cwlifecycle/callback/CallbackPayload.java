package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.gateway.CallerJson;
import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.gateway.exceptions.BodyNotAnObject;

import java.util.Locale;

/**
 * What ConnectWise POSTs to a callback URL, as far as we use it. Field names are ConnectWise's own
 * ({@code MessageId}, {@code ID}, {@code Metadata.key_url}, ...).
 *
 * @param action lower case: {@code added}, {@code updated} or {@code deleted}
 * @param entity the record as ConnectWise serialised it (a JSON string on the wire), or null on delete
 */
record CallbackPayload(String messageId, String companyId, String action, String type, long id, String entity,
                       String keyUrl) {

    /** Parses the raw body; a refusal names every missing or malformed field at once. */
    static CallbackPayload parse(CallerJson json, byte[] body) {
        JsonNode root = json.readTree(body);
        if (root == null || !root.isObject()) {
            throw new BodyNotAnObject();
        }
        JsonNode id = root.path("ID");
        new Validation()
                .text("MessageId", text(root.path("MessageId")), true, 255)
                .text("CompanyId", text(root.path("CompanyId")), true, 100)
                .text("Action", text(root.path("Action")), true, 50)
                .text("Type", text(root.path("Type")), true, 50)
                .check(id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0, "ID",
                        "is required: a positive integer")
                .text("Metadata.key_url", text(root.path("Metadata").path("key_url")), true, 2000)
                .orThrow();
        return new CallbackPayload(text(root.path("MessageId")), text(root.path("CompanyId")),
                text(root.path("Action")).toLowerCase(Locale.ROOT), text(root.path("Type")), id.asLong(),
                entity(root.path("Entity")), text(root.path("Metadata").path("key_url")));
    }

    boolean aboutMembers() {
        return "member".equalsIgnoreCase(type);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** ConnectWise sends the record as a string; an object is taken as well, anything else as absent. */
    private static String entity(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isObject() ? node.toString() : null;
    }
}
