package dev.cwlifecycle.credentials;

import dev.cwlifecycle.testing.SecretsManagerClients;
import dev.cwlifecycle.testing.SecretsManagerEndpoint;
import dev.cwlifecycle.testing.SecretsManagerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The producer as functions get it: config picks Secrets Manager, the extension's client reads the secret. */
@QuarkusTest
@QuarkusTestResource(value = SecretsManagerTestResource.class, restrictToAnnotatedClass = true)
class CredentialsSourcesTest {

    @Inject
    CredentialsSource credentials;

    @Test
    void injectedSourceReadsTheTenantSecretThroughTheExtensionClientOncePerTtl() {
        // GIVEN tenant acme's secret under the default name pattern
        SecretsManagerEndpoint endpoint = SecretsManagerTestResource.endpoint();
        try (SecretsManagerClient seeding = SecretsManagerClients.at(endpoint.uri())) {
            seeding.createSecret(request -> request.name("cw-lifecycle/acme").secretString(TenantSecret.valid().json()));
        }

        // WHEN two requests ask for its credentials
        ConnectWiseCredentials first = credentials.credentials("acme");
        credentials.credentials("acme");

        // THEN both got them from one GetSecretValue (default TTL five minutes)
        assertEquals(TenantSecret.expected(null), first);
        assertEquals(1, endpoint.getSecretValueCalls("cw-lifecycle/acme"));
    }
}
