package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code orderBy} parameter: {@code lastName asc, id desc}, nested paths with {@code /}. Values compare as
 * SQL Server's default collation would: nulls first, numbers numerically, text ignoring case but not accents.
 */
final class OrderBy {

    private record Key(String pointer, boolean descending) {
    }

    private final List<Key> keys;

    private OrderBy(List<Key> keys) {
        this.keys = keys;
    }

    static OrderBy none() {
        return new OrderBy(List.of());
    }

    static OrderBy parse(String text, Set<String> knownFields) {
        List<Key> keys = new ArrayList<>();
        for (String clause : text.split(",")) {
            String[] words = clause.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw ConnectWiseErrors.badRequest(
                        "orderBy '" + text + "' is not valid: use 'field asc' or 'field desc'.");
            }
            String path = words[0];
            if (!knownFields.contains(path.split("/")[0])) {
                throw ConnectWiseErrors.badRequest("orderBy: unknown field '" + path + "'.");
            }
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw ConnectWiseErrors.badRequest("orderBy: '" + words[1] + "' is not asc or desc.");
            }
            keys.add(new Key("/" + path, direction.equals("desc")));
        }
        return new OrderBy(List.copyOf(keys));
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The values a record is sorted by, taken once so a sort does not keep whole records around. */
    JsonNode[] sortValues(ObjectNode record) {
        JsonNode[] values = new JsonNode[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.at(keys.get(i).pointer());
        }
        return values;
    }

    Comparator<JsonNode[]> comparator() {
        Collator collation = Collator.getInstance(Locale.ROOT);
        collation.setStrength(Collator.SECONDARY);
        return (left, right) -> {
            for (int i = 0; i < keys.size(); i++) {
                int order = compare(left[i], right[i], collation);
                if (order != 0) {
                    return keys.get(i).descending() ? -order : order;
                }
            }
            return 0;
        };
    }

    private static int compare(JsonNode left, JsonNode right, Collator collation) {
        boolean leftNull = left.isMissingNode() || left.isNull();
        boolean rightNull = right.isMissingNode() || right.isNull();
        if (leftNull || rightNull) {
            return Boolean.compare(!leftNull, !rightNull);
        }
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        if (left.isBoolean() && right.isBoolean()) {
            return Boolean.compare(left.booleanValue(), right.booleanValue());
        }
        return collation.compare(left.asText(), right.asText());
    }
}
