package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One Embedded Metric Format record as CloudWatch reads it: {@code _aws} metadata, then dimensions and values. */
public record EmfRecord(JsonNode json) {

    private JsonNode directive() {
        JsonNode directives = json.path("_aws").path("CloudWatchMetrics");
        if (directives.size() != 1) {
            throw new AssertionError("not one metric directive: " + json);
        }
        return directives.get(0);
    }

    public String namespace() {
        return directive().path("Namespace").asText();
    }

    /** The dimension sets, each a list of dimension names. */
    public List<List<String>> dimensionSets() {
        List<List<String>> sets = new ArrayList<>();
        directive().path("Dimensions").forEach(set -> {
            List<String> names = new ArrayList<>();
            set.forEach(name -> names.add(name.asText()));
            sets.add(names);
        });
        return sets;
    }

    /** Every metric the directive declares, with the value the record gives it. */
    public Map<String, Double> values() {
        Map<String, Double> values = new TreeMap<>();
        directive().path("Metrics").forEach(metric -> {
            String name = metric.path("Name").asText();
            if (!json.path(name).isNumber()) {
                throw new AssertionError("metric " + name + " has no number in " + json);
            }
            values.put(name, json.path(name).asDouble());
        });
        return values;
    }

    /** The unit the directive declares for {@code metric}. */
    public String unit(String metric) {
        for (JsonNode declared : directive().path("Metrics")) {
            if (declared.path("Name").asText().equals(metric)) {
                return declared.path("Unit").asText();
            }
        }
        throw new AssertionError("no metric " + metric + " in " + json);
    }
}
