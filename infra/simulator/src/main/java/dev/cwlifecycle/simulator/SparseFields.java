package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code fields} parameter: a comma list of top-level names and nested paths ({@code _info/lastUpdated}).
 * The answer keeps the record's own field order; names the record does not have are left out.
 */
final class SparseFields {

    private final Map<String, SparseFields> wanted = new LinkedHashMap<>();
    private boolean whole;

    private SparseFields() {
    }

    static SparseFields parse(String text) {
        SparseFields root = new SparseFields();
        for (String path : text.split(",")) {
            SparseFields node = root;
            for (String name : path.trim().split("/")) {
                if (!name.isEmpty()) {
                    node = node.wanted.computeIfAbsent(name, n -> new SparseFields());
                }
            }
            if (node != root) {
                node.whole = true;
            }
        }
        return root;
    }

    ObjectNode apply(ObjectNode record) {
        ObjectNode selected = WireJson.object();
        record.fields().forEachRemaining(field -> {
            SparseFields child = wanted.get(field.getKey());
            if (child == null) {
                return;
            }
            if (child.whole || !field.getValue().isObject()) {
                selected.set(field.getKey(), field.getValue());
            } else {
                selected.set(field.getKey(), child.apply((ObjectNode) field.getValue()));
            }
        });
        return selected;
    }
}
