package dev.cwlifecycle.sync;

import dev.cwlifecycle.metrics.MetricNames;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.store.Lease;
import dev.cwlifecycle.store.SyncStateStore;
import dev.cwlifecycle.testing.EmfRecord;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The function as Lambda invokes it: event JSON posted to Quarkus' Lambda mock event server. */
@QuarkusTest
@QuarkusTestResource(value = FunctionTestResource.class, initArgs = @ResourceArg(name = "members", value = "10000"))
class SyncFunctionTest {

    private static final String SCHEDULED_EVENT = """
            {"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-11-22T08:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:123456789012:rule/cw-lifecycle-IncrementalSync"],
             "detail":{"tenant":"default","mode":"full"}}""";

    @Inject
    SyncStateStore syncState;
    @Inject
    EmittedMetrics metrics;

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
    }

    @Test
    void aScheduledEventNamesTheTenantInItsDetailAndARunningSyncMakesItSkip() {
        Lease running = syncState.acquireLease(SynchronizerTest.TENANT, Synchronizer.STREAM, "another-run",
                Duration.ofMinutes(1), Instant.now()).orElseThrow();
        Response answer;
        try {
            answer = invoke(SCHEDULED_EVENT);
        } finally {
            syncState.releaseLease(running);
        }

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("default", answer.jsonPath().getString("tenant"));
        assertEquals("SKIPPED", answer.jsonPath().getString("status"));
        assertNull(answer.jsonPath().get("summary"));
        assertEquals(0, simulator.requestLog().all().size(), "a skipped run asks ConnectWise nothing");
    }

    @Test
    void theRulesConstantInputRunsAnIncrementalSyncAndAnswersItsSummary() {
        Lease setup = syncState.acquireLease(SynchronizerTest.TENANT, Synchronizer.STREAM, "test-setup",
                Duration.ofMinutes(1), Instant.now()).orElseThrow();
        // synced a minute ago (or later, after other tests): an incremental run, whichever test class ran first
        syncState.advanceWatermark(setup, Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
        syncState.releaseLease(setup);
        Instant watermark = syncState.watermark(SynchronizerTest.TENANT, Synchronizer.STREAM).orElseThrow();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Response answer = invoke("{\"tenant\":\"default\",\"mode\":\"incremental\"}");

        assertEquals(200, answer.statusCode(), answer.asString());
        JsonPath result = answer.jsonPath();
        assertEquals("COMPLETE", result.getString("status"));
        assertEquals("INCREMENTAL", result.getString("summary.mode"));
        assertEquals(watermark, Instant.parse(result.getString("summary.oldWatermark")));
        assertFalse(Instant.parse(result.getString("summary.newWatermark")).isBefore(before));
        List<RecordedRequest> lists = simulator.requestLog().all().stream()
                .filter(request -> request.path().equals("/system/members")).toList();
        assertEquals(result.getInt("summary.requests"), lists.size());
        assertEquals("lastUpdated>[" + watermark.minus(Duration.ofMinutes(2)) + "]",
                lists.get(0).query().get("conditions"));
    }

    @Test
    void aConstantInputWithABadTenantOrModeFailsTheInvocationWithoutAskingConnectWise() {
        Response badTenant = invoke("{\"tenant\":\"../acme\",\"mode\":\"incremental\"}");
        Response badMode = invoke("{\"tenant\":\"default\",\"mode\":\"sideways\"}");

        assertNotEquals(200, badTenant.statusCode());
        assertTrue(badTenant.asString().contains("tenant must be"), badTenant.asString());
        assertNotEquals(200, badMode.statusCode());
        assertTrue(badMode.asString().contains("mode must be 'incremental', 'full' or 'register-callback'"), badMode.asString());
        assertEquals(0, simulator.requestLog().all().size());
    }

    @Test
    void theRegisterCallbackInputRegistersTheMemberCallbackOnceHoweverOftenItRuns() {
        String input = "{\"mode\":\"register-callback\",\"tenant\":\"default\","
                + "\"callbackUrl\":\"https://hooks.acme.example/callbacks/connectwise?tenant=default\"}";

        Response first = invoke(input);
        Response second = invoke(input);

        assertEquals("CALLBACK_REGISTERED", first.jsonPath().getString("status"), first.asString());
        assertEquals("CALLBACK_EXISTS", second.jsonPath().getString("status"), second.asString());
        assertEquals(first.jsonPath().getLong("callback.id"), second.jsonPath().getLong("callback.id"));
        assertEquals(1, simulator.callbacks().registrations("acme").stream()
                .filter(r -> r.path("url").asText().startsWith("https://hooks.acme.example/")).count());
        assertEquals(1, simulator.requestLog().count("POST", "/system/callbacks"));
    }

    @Test
    void aScheduledEventWhoseDetailAsksForRegistrationRegistersTheCallback() {
        String event = SCHEDULED_EVENT.replace("\"mode\":\"full\"", "\"mode\":\"register-callback\","
                + "\"callbackUrl\":\"https://rule.acme.example/callbacks/connectwise\"");

        Response answer = invoke(event);

        assertEquals("CALLBACK_REGISTERED", answer.jsonPath().getString("status"), answer.asString());
        assertEquals(1, simulator.callbacks().registrations("acme").stream()
                .filter(r -> r.path("url").asText().equals("https://rule.acme.example/callbacks/connectwise")).count());
        assertEquals(0, simulator.requestLog().count("GET", "/system/members"), "registering is no sync run");
    }

    @Test
    void aRunsMetricsAreItsStatusAndTheCountsOfItsSummary() {
        metrics.clear();

        JsonPath answer = invoke("{\"tenant\":\"default\",\"mode\":\"incremental\"}").jsonPath();
        EmfRecord record = metrics.only("sync", "default");

        assertEquals("COMPLETE", answer.getString("status"));
        assertEquals(Map.of("sync.complete", 1.0, MetricNames.SYNC_NOT_COMPLETE, 0.0,
                "sync.seen", answer.getDouble("summary.seen"), "sync.upserted", answer.getDouble("summary.upserted"),
                "sync.tombstoned", answer.getDouble("summary.tombstoned"),
                "sync.duration", answer.getDouble("summary.durationMillis"),
                "connectwise.requests.2xx", answer.getDouble("summary.requests")), record.values());
        assertEquals("Milliseconds", record.unit("sync.duration"));
    }

    @Test
    void aFailedRunCountsAsFailedAndNotComplete() {
        simulator.faults().arm(Fault.on("GET", "/system/members").status(500).times(1));
        metrics.clear();

        Response answer = invoke("{\"tenant\":\"default\",\"mode\":\"full\"}");
        Map<String, Double> values = metrics.only("sync", "default").values();

        assertNotEquals(200, answer.statusCode(), answer.asString());
        assertEquals(1.0, values.get("sync.failed"));
        assertEquals(1.0, values.get(MetricNames.SYNC_NOT_COMPLETE));
        assertEquals(1.0, values.get("connectwise.requests.5xx"));
    }

    private static Response invoke(String eventJson) {
        return RestAssured.given().contentType("application/json").body(eventJson).post();
    }
}
