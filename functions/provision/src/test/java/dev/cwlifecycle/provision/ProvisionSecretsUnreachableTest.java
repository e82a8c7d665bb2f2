package dev.cwlifecycle.provision;

import dev.cwlifecycle.testing.FunctionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Secrets Manager at a loopback port where nothing listens: 503 credentials-unavailable, as when throttled. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
@TestProfile(ProvisionSecretsUnreachableTest.SecretsManagerDown.class)
class ProvisionSecretsUnreachableTest {

    public static class SecretsManagerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ProvisionCredentialsOutageTest.secretsManagerAt(UnusedLoopbackPort.url());
        }
    }

    @Test
    void anUnreachableSecretsManagerIs503CredentialsUnavailableWithRetryAfter() {
        FunctionTestResource.simulator().requestLog().clear();

        ProvisionCredentialsOutageTest.assertCredentialsUnavailable(ProvisionCredentialsOutageTest.provision());
    }
}
