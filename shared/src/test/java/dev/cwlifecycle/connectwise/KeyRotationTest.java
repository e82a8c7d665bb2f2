package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.credentials.SecretsManagerCredentialsSource;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.SecretsManagerClients;
import dev.cwlifecycle.testing.SecretsManagerEndpoint;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keys rotated in ConnectWise and in the secret: the client re-reads the secret once on 401 and carries on. */
@QuarkusTest
class KeyRotationTest {

    private static final String SECRET = "cw-lifecycle/default";

    private ConnectWiseSimulator simulator;
    private SecretsManagerEndpoint secrets;
    private SecretsManagerClient secretsClient;
    private ConnectWiseClient client;

    @BeforeEach
    void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(3).start();
        secrets = SecretsManagerEndpoint.start();
        secretsClient = SecretsManagerClients.at(secrets.uri());
        secretsClient.createSecret(create -> create.name(SECRET).secretString(secret("pub-acme", "priv-acme")));
        SecretsManagerCredentialsSource source = new SecretsManagerCredentialsSource(secretsClient,
                "cw-lifecycle/{tenant}", Duration.ofMinutes(5), Clock.systemUTC());
        client = new ConnectWiseClients(TestConnectWiseConfig.defaults(), source, new MovableClock())
                .forTenant("default");
    }

    @AfterEach
    void stop() {
        secretsClient.close();
        secrets.close();
        simulator.close();
    }

    @Test
    void reReadsTheSecretOnceAfterA401AndSucceedsWithTheRotatedKeys() {
        long id = simulator.members("acme").all().get(0).get("id").asLong();
        client.member(id);
        client.member(id);
        assertEquals(1, secrets.getSecretValueCalls(SECRET), "the secret is read once per TTL, not per request");

        simulator.rotateKeys("acme", "pub-rotated", "priv-rotated");
        secretsClient.putSecretValue(put -> put.secretId(SECRET).secretString(secret("pub-rotated", "priv-rotated")));
        simulator.requestLog().clear();
        client.member(id);

        assertEquals(2, secrets.getSecretValueCalls(SECRET));
        assertEquals(java.util.List.of(401, 200), simulator.requestLog().all().stream()
                .filter(r -> r.path().startsWith("/system/")).map(r -> r.status()).toList());
    }

    @Test
    void reportsASecond401AsBadCredentialsWithoutTheKeys() {
        long id = simulator.members("acme").all().get(0).get("id").asLong();
        simulator.rotateKeys("acme", "pub-rotated", "priv-rotated");

        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> client.member(id));

        assertEquals(2, secrets.getSecretValueCalls(SECRET));
        assertFalse(refused.getMessage().contains("priv-acme"), refused.getMessage());
    }

    private String secret(String publicKey, String privateKey) {
        return """
                {"site":"%s","companyId":"acme","publicKey":"%s","privateKey":"%s",
                 "clientId":"0f1e2d3c-aaaa-bbbb-cccc-000000000001"}""".formatted(simulator.baseUrl(), publicKey,
                privateKey);
    }
}
