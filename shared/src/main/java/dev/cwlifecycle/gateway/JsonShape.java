package dev.cwlifecycle.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A JSON object held against the record it will be read into, before Jackson binds it: Jackson stops at the first
 * field of the wrong type, this names every one, and every unknown field, at once. Strict on purpose: a text field
 * takes a JSON string, an id a whole number in range, a flag {@code true}/{@code false}, a nested record an
 * object; {@code null} stands for absent.
 */
final class JsonShape {

    private JsonShape() {
    }

    /** Every field of {@code object} that {@code type} does not know or that has the wrong JSON type. */
    static List<InvalidField> mismatches(JsonNode object, Class<? extends Record> type) {
        List<InvalidField> mismatches = new ArrayList<>();
        collect(object, type, "", mismatches);
        return mismatches;
    }

    private static void collect(JsonNode object, Class<?> type, String prefix, List<InvalidField> mismatches) {
        Map<String, Class<?>> fields = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
        object.fields().forEachRemaining(field -> {
            String name = prefix + field.getKey();
            Class<?> expected = fields.get(field.getKey());
            JsonNode value = field.getValue();
            if (expected == null) {
                mismatches.add(new InvalidField(name, "is not a known field"));
            } else if (expected.isRecord() && value.isObject()) {
                collect(value, expected, name + ".", mismatches);
            } else if (!value.isNull() && !fits(value, expected)) {
                mismatches.add(new InvalidField(name, "has the wrong type: expected " + kind(expected)));
            }
        });
    }

    private static boolean fits(JsonNode value, Class<?> type) {
        return JsonKind.of(type).accepts.test(value);
    }

    private static String kind(Class<?> type) {
        return JsonKind.of(type).description;
    }

    /** The JSON each component type takes; a nested record (not an object when it gets here) takes an object. */
    private enum JsonKind {
        STRING("a string", JsonNode::isTextual),
        INT("a whole number", value -> value.isIntegralNumber() && value.canConvertToInt()),
        LONG("a whole number", value -> value.isIntegralNumber() && value.canConvertToLong()),
        BOOLEAN("true or false", JsonNode::isBoolean),
        OBJECT("an object", JsonNode::isObject);

        private static final Map<Class<?>, JsonKind> BY_TYPE = Map.of(String.class, STRING, Integer.class, INT,
                Long.class, LONG, Boolean.class, BOOLEAN);

        private final String description;
        private final Predicate<JsonNode> accepts;

        JsonKind(String description, Predicate<JsonNode> accepts) {
            this.description = description;
            this.accepts = accepts;
        }

        static JsonKind of(Class<?> type) {
            return BY_TYPE.getOrDefault(type, OBJECT);
        }
    }
}
