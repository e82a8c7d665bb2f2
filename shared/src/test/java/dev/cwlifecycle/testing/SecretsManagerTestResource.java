package dev.cwlifecycle.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A {@code @QuarkusTest} whose credentials come from Secrets Manager: starts the in-process
 * {@link SecretsManagerEndpoint} and points the extension's client at it. Tests seed secrets through
 * {@link SecretsManagerClients#at} on {@link #endpoint()}.
 */
public class SecretsManagerTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SecretsManagerEndpoint endpoint;

    @Override
    public Map<String, String> start() {
        endpoint = SecretsManagerEndpoint.start();
        return Map.of(
                "cw.credentials.source", "secrets-manager",
                "quarkus.secretsmanager.endpoint-override", endpoint.uri().toString(),
                "quarkus.secretsmanager.aws.region", "us-east-1",
                "quarkus.secretsmanager.aws.credentials.type", "static",
                "quarkus.secretsmanager.aws.credentials.static-provider.access-key-id", "test-access-key",
                "quarkus.secretsmanager.aws.credentials.static-provider.secret-access-key", "test-secret-key");
    }

    @Override
    public void stop() {
        endpoint.close();
    }

    public static SecretsManagerEndpoint endpoint() {
        return endpoint;
    }
}
