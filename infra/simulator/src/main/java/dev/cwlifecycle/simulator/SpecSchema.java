package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of the spec's definitions the simulator serves ({@code connectwise-2025.8.schema.json}, next to
 * this class): which properties ConnectWise knows, so that a body's others are ignored as ASP.NET does, yet named
 * in the request log. Tests validate bodies against the same document.
 */
public final class SpecSchema {

    private static final JsonNode DOCUMENT = load();

    private SpecSchema() {
    }

    /** The whole schema document; its definitions are under {@code $defs}. */
    public static JsonNode document() {
        return DOCUMENT.deepCopy();
    }

    /** The document as a schema for one definition (e.g. {@code Member}), to hand to a JSON Schema validator. */
    public static ObjectNode of(String definition) {
        ObjectNode schema = DOCUMENT.deepCopy();
        return schema.put("$ref", "#/$defs/" + definition);
    }

    /** The spec's single-valued kinds of open work: the {@code MemberDeactivationItem} properties, in its order. */
    public static List<String> deactivationKinds() {
        List<String> kinds = new ArrayList<>();
        DOCUMENT.at("/$defs/MemberDeactivation/properties").fields().forEachRemaining(property -> {
            if (property.getValue().path("$ref").asText().endsWith("/MemberDeactivationItem")) {
                kinds.add(property.getKey());
            }
        });
        return List.copyOf(kinds);
    }

    /** Whether the spec's {@code definition} has a top-level property {@code name}. */
    static boolean isProperty(String definition, String name) {
        return DOCUMENT.path("$defs").path(definition).path("properties").has(name);
    }

    /**
     * The properties of {@code body} that {@code definition} does not list, as dotted paths
     * ({@code serviceTeam.reAssignToMember.idd}), looking into nested objects and arrays the spec closes.
     */
    static List<String> unknownProperties(String definition, JsonNode body) {
        List<String> unknown = new ArrayList<>();
        collect(DOCUMENT.path("$defs").path(definition), body, "", unknown);
        return unknown;
    }

    private static void collect(JsonNode schema, JsonNode value, String path, List<String> unknown) {
        JsonNode resolved = resolve(schema);
        if (value.isArray() && resolved.has("items")) {
            value.forEach(item -> collect(resolved.get("items"), item, path, unknown));
            return;
        }
        if (!value.isObject() || !resolved.path("additionalProperties").isBoolean()) {
            return;
        }
        value.fields().forEachRemaining(field -> {
            JsonNode property = resolved.path("properties").get(field.getKey());
            String name = path + field.getKey();
            if (property == null) {
                unknown.add(name);
            } else {
                collect(property, field.getValue(), name + ".", unknown);
            }
        });
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : DOCUMENT.at(ref.asText().substring(1));
    }

    private static JsonNode load() {
        try (InputStream in = SpecSchema.class.getResourceAsStream("connectwise-2025.8.schema.json")) {
            return WireJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
