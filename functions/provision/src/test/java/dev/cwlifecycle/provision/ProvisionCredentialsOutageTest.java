package dev.cwlifecycle.provision;

import dev.cwlifecycle.metrics.MetricNames;
import dev.cwlifecycle.testing.EmfRecord;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SecretsManagerClients;
import dev.cwlifecycle.testing.SecretsManagerEndpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets Manager throttling the tenant's secret: the caller cannot even be authenticated, so it hears 503 with
 * Retry-After — not 401, not a 500 with AWS's text, and nothing of the secret.
 */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
@QuarkusTestResource(value = ProvisionCredentialsOutageTest.SecretsManagerOnLoopback.class,
        restrictToAnnotatedClass = true)
class ProvisionCredentialsOutageTest {

    @Inject
    EmittedMetrics metrics;

    private static final String SECRET = "cw-lifecycle/default";

    /**
     * Credentials from the in-process Secrets Manager endpoint ({@code %test.} outranks the local file). A test
     * resource, not a profile: it shares the test's class loader, so the test can throttle the endpoint it started.
     */
    public static class SecretsManagerOnLoopback implements QuarkusTestResourceLifecycleManager {
        static volatile SecretsManagerEndpoint endpoint;

        @Override
        public Map<String, String> start() {
            endpoint = SecretsManagerEndpoint.start();
            return secretsManagerAt(endpoint.uri().toString());
        }

        @Override
        public void stop() {
            endpoint.close();
        }
    }

    @Test
    void aThrottledSecretIs503CredentialsUnavailableWithRetryAfter() {
        SecretsManagerOnLoopback.endpoint.throttle(SECRET);
        FunctionTestResource.simulator().requestLog().clear();

        Answer answer = provision();

        assertCredentialsUnavailable(answer);
        assertTrue(SecretsManagerOnLoopback.endpoint.getSecretValueCalls(SECRET) > 0);
    }

    @Test
    void eachSecretReadIsCountedOnceAndACachedSecretIsNotReadAgain() {
        SecretsManagerOnLoopback.endpoint.stopThrottling(SECRET);
        String tenant = "metered";
        try (SecretsManagerClient client = SecretsManagerClients.at(SecretsManagerOnLoopback.endpoint.uri())) {
            client.createSecret(request -> request.name("cw-lifecycle/" + tenant).secretString(
                    FunctionTestResource.credentialsJson()));
        }
        metrics.clear();

        Answer first = provision(Map.of("CW-Tenant", tenant), "Sam", "Secret");
        EmfRecord read = metrics.only("provision", tenant);
        metrics.clear();
        provision(Map.of("CW-Tenant", tenant), "Cam", "Cached");
        EmfRecord cached = metrics.only("provision", tenant);

        assertEquals(201, first.status(), first.rawBody());
        assertEquals(1, SecretsManagerOnLoopback.endpoint.getSecretValueCalls("cw-lifecycle/" + tenant));
        assertEquals(1.0, read.values().get(MetricNames.SECRET_READS));
        assertNull(cached.values().get(MetricNames.SECRET_READS), cached.values().toString());
    }

    static Answer provision(Map<String, String> headers, String first, String last) {
        return LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", Map.of(), headers, """
                {"firstName":"%s","lastName":"%s","email":"%s.%s@acme.example","role":"Technician"}"""
                .formatted(first, last, first.toLowerCase(), last.toLowerCase())));
    }

    static Answer provision() {
        return LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", Map.of(), Map.of(), """
                {"firstName":"Sec","lastName":"Ret","email":"sec.ret@acme.example","role":"Technician"}"""));
    }

    static void assertCredentialsUnavailable(Answer answer) {
        assertEquals(503, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals("urn:cw-lifecycle:problem:credentials-unavailable", answer.body().get("type").asText());
        assertEquals("30", answer.header("Retry-After"));
        for (String leak : List.of("Exception", SECRET, "Throttling", "Rate exceeded", "test-access-key")) {
            assertFalse(answer.rawBody().contains(leak), leak + " in " + answer.rawBody());
        }
        assertEquals(List.of(), FunctionTestResource.simulator().requestLog().all());
    }

    static Map<String, String> secretsManagerAt(String endpoint) {
        Map<String, String> config = new HashMap<>();
        config.put("%test.cw.credentials.source", "secrets-manager");
        config.put("%test.quarkus.secretsmanager.endpoint-override", endpoint);
        config.put("%test.quarkus.secretsmanager.aws.region", "us-east-1");
        config.put("%test.quarkus.secretsmanager.aws.credentials.type", "static");
        config.put("%test.quarkus.secretsmanager.aws.credentials.static-provider.access-key-id", "test-access-key");
        config.put("%test.quarkus.secretsmanager.aws.credentials.static-provider.secret-access-key",
                "test-secret-key");
        return config;
    }
}
