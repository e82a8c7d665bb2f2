package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseErrors.FieldError;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A company's callback registrations ({@code /system/callbacks}). A registration identical to an existing one
 * (same url, type, level and objectId) is refused with {@code ObjectExists} on {@code objectId}. Level
 * {@code owner} (any case) delivers every change of its type; the narrower levels ConnectWise has for other
 * record types scope to records this simulator does not model, so they are kept but never deliver a member change.
 */
final class CallbackRegistry {

    /** The fields a registration is rendered with, which {@code conditions} and {@code fields} may name. */
    static final Set<String> FIELDS = Set.of("id", "description", "url", "objectId", "type", "level", "memberId",
            "payloadVersion", "inactiveFlag", "isSoapCallbackFlag", "isSelfSuppressedFlag", "_info");
    private static final String RESOURCE = "callbackEntry";
    /** The level that covers every record of the type. */
    private static final String OWNER_LEVEL = "owner";

    /** A registration and the API member who made it (whose own changes it suppresses when asked to). */
    record Entry(long id, ObjectNode json, String createdBy) {

        boolean deliversFor(String type, String changedBy) {
            return json.path("type").asText().equalsIgnoreCase(type)
                    && json.path("level").asText().equalsIgnoreCase(OWNER_LEVEL)
                    && !json.path("inactiveFlag").asBoolean()
                    && !(json.path("isSelfSuppressedFlag").asBoolean() && createdBy.equalsIgnoreCase(changedBy));
        }
    }

    private final ConcurrentSkipListMap<Long, Entry> entries = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private long nextId = 1;

    CallbackRegistry(Clock clock) {
        this.clock = clock;
    }

    synchronized Entry register(JsonNode body, String by) {
        if (!body.isObject()) {
            throw ConnectWiseErrors.badRequest("The request body must be a callback entry object.");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = required(body, "url", errors);
        if (url != null && !isHttpUrl(url)) {
            errors.add(FieldError.invalid("url", "The url field must be an absolute http or https URL."));
        }
        String type = required(body, "type", errors);
        String level = required(body, "level", errors);
        JsonNode objectId = body.get("objectId");
        if (objectId == null || !objectId.canConvertToLong()) {
            errors.add(FieldError.missing("objectId"));
        }
        String description = body.path("description").asText("");
        if (description.length() > 100) {
            errors.add(FieldError.invalid("description", "The description field has a maximum length of 100."));
        }
        if (errors.isEmpty() && duplicates(url, type, level, objectId.asLong())) {
            errors.add(FieldError.exists("objectId",
                    "A callback for this url, type, level and objectId already exists."));
        }
        if (!errors.isEmpty()) {
            throw ConnectWiseErrors.invalidObject(RESOURCE, errors);
        }
        String now = WireTime.format(clock.instant());
        ObjectNode json = WireJson.object().put("id", nextId).put("description", description).put("url", url)
                .put("objectId", objectId.asLong()).put("type", type).put("level", level)
                .put("payloadVersion", body.path("payloadVersion").asText("3.0.0"))
                .put("inactiveFlag", body.path("inactiveFlag").asBoolean(false))
                .put("isSoapCallbackFlag", body.path("isSoapCallbackFlag").asBoolean(false))
                .put("isSelfSuppressedFlag", body.path("isSelfSuppressedFlag").asBoolean(false));
        json.putObject("_info").put("lastUpdated", now).put("updatedBy", by)
                .put("dateEntered", now).put("enteredBy", by);
        Entry entry = new Entry(nextId++, json, by);
        entries.put(entry.id(), entry);
        return entry;
    }

    Entry require(long id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw ConnectWiseErrors.notFound("Callback " + id + " not found");
        }
        return entry;
    }

    void delete(long id) {
        if (entries.remove(id) == null) {
            throw ConnectWiseErrors.notFound("Callback " + id + " not found");
        }
    }

    NavigableMap<Long, Entry> entries() {
        return entries;
    }

    List<Entry> deliveringFor(String type, String changedBy) {
        return entries.values().stream().filter(entry -> entry.deliversFor(type, changedBy)).toList();
    }

    private boolean duplicates(String url, String type, String level, long objectId) {
        return entries.values().stream().map(Entry::json).anyMatch(existing ->
                existing.path("url").asText().equals(url)
                        && existing.path("type").asText().equalsIgnoreCase(type)
                        && existing.path("level").asText().equalsIgnoreCase(level)
                        && existing.path("objectId").asLong() == objectId);
    }

    private static String required(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(FieldError.missing(field));
            return null;
        }
        return value.asText();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
