package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.metrics.SinkEnvironment;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The metrics environment in function tests, in place of the default one: aws-embedded-metrics serializes each
 * record exactly as in Lambda, and this sink keeps the EMF JSON instead of printing it.
 */
@Singleton
public class EmittedMetrics extends SinkEnvironment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<EmfRecord> records = new CopyOnWriteArrayList<>();

    /** Every record emitted since the last {@link #clear()}, in order. */
    public List<EmfRecord> records() {
        return List.copyOf(records);
    }

    /** The one record {@code function} emitted for {@code tenant} since the last {@link #clear()}. */
    public EmfRecord only(String function, String tenant) {
        List<EmfRecord> matching = records.stream()
                .filter(record -> function.equals(record.json().path("function").asText())
                        && tenant.equals(record.json().path("tenant").asText())).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " records of " + function + " for tenant " + tenant
                    + " in " + records);
        }
        return matching.get(0);
    }

    public void clear() {
        records.clear();
    }

    @Override
    public void accept(MetricsContext context) {
        try {
            for (String line : context.serialize()) {
                records.add(new EmfRecord(JSON.readTree(line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
