package dev.cwlifecycle.provision;

import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** DynamoDB (the idempotency table) unreachable: 503 with Retry-After before ConnectWise hears anything. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
@TestProfile(ProvisionStateOutageTest.DynamoDbDown.class)
class ProvisionStateOutageTest {

    /** DynamoDB at a loopback port where nothing listens; {@code %test.} outranks the test resource's endpoint. */
    public static class DynamoDbDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.dynamodb.endpoint-override", UnusedLoopbackPort.url());
        }
    }

    @Test
    void answers503StateUnavailableWithRetryAfterAndNoConnectWiseRequest() {
        FunctionTestResource.simulator().requestLog().clear();

        Answer answer = LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", Map.of(), Map.of(), """
                {"firstName":"Dyna","lastName":"Down","email":"dyna.down@acme.example","role":"Technician"}"""));

        assertEquals(503, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals("urn:cw-lifecycle:problem:state-unavailable", answer.body().get("type").asText());
        assertEquals("30", answer.header("Retry-After"));
        assertFalse(answer.rawBody().contains("Exception"), answer.rawBody());
        assertEquals(answer.header("X-Correlation-Id"), answer.body().get("correlationId").asText());
        assertEquals(List.of(), FunctionTestResource.simulator().requestLog().all());
    }
}
