package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A field or nested path such as {@code securityRole/id}. */
record FieldPath(List<String> segments) {

    FieldPath {
        segments = List.copyOf(segments);
    }

    /** The field's value, or null when it is missing or JSON null (ConnectWise treats both as null). */
    JsonNode resolve(JsonNode member) {
        JsonNode node = member;
        for (int i = 0; i < segments.size(); i++) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(segments.get(i));
        }
        return node == null || node.isNull() ? null : node;
    }
}
