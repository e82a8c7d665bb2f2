package dev.cwlifecycle.provision;

import dev.cwlifecycle.metrics.MetricNames;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.testing.EmfRecord;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The EMF record a provision emits, read as CloudWatch would read it, against the answer the caller got. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ProvisionMetricsTest {

    @Inject
    EmittedMetrics metrics;

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.simulator();
        simulator.faults().clear();
        metrics.clear();
    }

    @Test
    void aCreatedMemberIsOneCreatedProvisionAndTheAnswersConnectWiseRequests() {
        Answer answer = provision(ProvisionFunctionTest.person("Mia", "Metric"), Map.of());

        assertEquals(201, answer.status(), answer.rawBody());
        EmfRecord record = metrics.only("provision", "default");
        assertEquals(MetricNames.NAMESPACE, record.namespace());
        assertEquals(List.of(List.of("function"), List.of("function", "tenant")), record.dimensionSets());
        assertEquals(Map.of("provision.created", 1.0,
                "connectwise.requests.2xx", answer.body().get("connectWiseRequests").asDouble()), record.values());
        assertEquals("Count", record.unit("provision.created"));
    }

    @Test
    void a429IsCountedAsThrottledAndItsRetryAndStillAddsUpToTheAnswersRequests() {
        simulator.faults().arm(Fault.on("POST", "/system/members").rateLimited(null).times(1));

        Answer answer = provision(ProvisionFunctionTest.person("Tia", "Throttled"), Map.of());

        assertEquals(201, answer.status(), answer.rawBody());
        Map<String, Double> values = metrics.only("provision", "default").values();
        assertEquals(1.0, values.get(MetricNames.CONNECTWISE_THROTTLED));
        assertEquals(1.0, values.get(MetricNames.CONNECTWISE_RETRIES));
        assertEquals(1.0, values.get("connectwise.requests.4xx"));
        assertEquals(answer.body().get("connectWiseRequests").asDouble(),
                values.get("connectwise.requests.2xx") + values.get("connectwise.requests.4xx"));
    }

    @Test
    void aReplayAndARefusalAreCountedByWhatTheCallerHeard() {
        String body = ProvisionFunctionTest.person("Rex", "Replay");
        Map<String, String> key = Map.of("Idempotency-Key", "metrics-" + body.hashCode());
        provision(body, key);
        metrics.clear();

        Answer again = provision(body, key);
        EmfRecord replayed = metrics.only("provision", "default");
        metrics.clear();
        Answer reused = provision(ProvisionFunctionTest.person("Otis", "Other"), key);
        EmfRecord refused = metrics.only("provision", "default");

        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(Map.of("provision.replayed", 1.0), replayed.values());
        assertEquals("urn:cw-lifecycle:problem:idempotency-key-reused", reused.body().get("type").asText());
        assertEquals(Map.of("provision.refused.idempotency-key-reused", 1.0), refused.values());
    }

    @Test
    void aCallerWithAWrongTokenIsCountedUnderNoTenant() {
        Answer answer = provision(ProvisionFunctionTest.person("Wes", "Wrong"),
                Map.of("Authorization", "Bearer wrong", "CW-Tenant", "guess"));

        assertEquals(401, answer.status());
        assertEquals(Map.of("provision.refused.unauthenticated", 1.0),
                metrics.only("provision", MetricNames.NO_TENANT).values());
        assertEquals(1, metrics.records().size());
    }

    private static Answer provision(String body, Map<String, String> headers) {
        return LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", Map.of(), headers, body));
    }
}
