package dev.cwlifecycle.credentials;

import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.testing.SecretsManagerClients;
import dev.cwlifecycle.testing.SecretsManagerEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.cwlifecycle.credentials.TenantSecret.assertNoKeyMaterial;
import static dev.cwlifecycle.credentials.TenantSecret.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerCredentialsSourceTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static SecretsManagerEndpoint endpoint;
    private static SecretsManagerClient client;

    private final MovableClock clock = new MovableClock();
    private SecretsManagerCredentialsSource source;
    private String tenant;
    private String secretName;

    @BeforeAll
    static void startSecretsManager() {
        endpoint = SecretsManagerEndpoint.start();
        client = SecretsManagerClients.at(endpoint.uri());
    }

    @AfterAll
    static void stopSecretsManager() {
        client.close();
        endpoint.close();
    }

    @BeforeEach
    void freshTenant() {
        endpoint.slowGetSecretValue(Duration.ZERO);
        tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        secretName = "cw-lifecycle/" + tenant;
        source = new SecretsManagerCredentialsSource(client, "cw-lifecycle/{tenant}", TTL, clock);
    }

    @Test
    void readsTheSecretOncePerTtl() {
        // GIVEN the tenant's secret
        seed(valid().json());

        // WHEN five requests ask within the TTL
        for (int i = 0; i < 5; i++) {
            assertEquals(TenantSecret.expected(null), source.credentials(tenant));
            clock.advance(Duration.ofSeconds(59));
        }
        // THEN Secrets Manager was asked once
        assertEquals(1, endpoint.getSecretValueCalls(secretName));

        // WHEN the TTL has passed since the read
        clock.advance(TTL.minus(Duration.ofSeconds(5 * 59)));
        source.credentials(tenant);
        source.credentials(tenant);

        // THEN it is asked exactly once more
        assertEquals(2, endpoint.getSecretValueCalls(secretName));
    }

    @Test
    void refreshReadsPastTheCacheAndPicksUpARotation() {
        // GIVEN cached credentials, then a rotation of the private key in Secrets Manager
        seed(valid().json());
        source.credentials(tenant);
        client.putSecretValue(request -> request.secretId(secretName)
                .secretString(valid().with("privateKey", "rotatedKey8Hw2").json()));

        // WHEN a request still within the TTL asks, THEN it gets the cached key
        assertEquals(TenantSecret.PRIVATE_KEY, source.credentials(tenant).privateKey());

        // WHEN ConnectWise answered 401 and the caller refreshes
        // THEN the new key is read, and it is what the cache serves from then on
        assertEquals("rotatedKey8Hw2", source.refresh(tenant).privateKey());
        assertEquals("rotatedKey8Hw2", source.credentials(tenant).privateKey());
        assertEquals(2, endpoint.getSecretValueCalls(secretName));
    }

    @Test
    void concurrentFirstReadsShareOneCall() throws Exception {
        // GIVEN a slow Secrets Manager, so every caller arrives while the first read is in flight
        seed(valid().json());
        endpoint.slowGetSecretValue(Duration.ofMillis(400));

        // WHEN eight requests of a cold function ask at once
        List<ConnectWiseCredentials> results = all(8, () -> source.credentials(tenant));

        // THEN one GetSecretValue served them all
        assertEquals(1, endpoint.getSecretValueCalls(secretName));
        results.forEach(credentials -> assertSame(results.get(0), credentials));
    }

    @Test
    void concurrentRefreshesAfterOneRotationShareOneCall() throws Exception {
        // GIVEN cached credentials and a slow Secrets Manager
        seed(valid().json());
        source.credentials(tenant);
        endpoint.slowGetSecretValue(Duration.ofMillis(400));

        // WHEN eight requests all saw the same 401 and refresh together
        all(8, () -> source.refresh(tenant));

        // THEN one re-read served them
        assertEquals(2, endpoint.getSecretValueCalls(secretName));
    }

    @Test
    void eachTenantHasItsOwnSecretNamedByThePattern() {
        // GIVEN a deployment naming secrets prod/{tenant}/connectwise
        source = new SecretsManagerCredentialsSource(client, "prod/{tenant}/connectwise", TTL, clock);
        String other = tenant + "-eu";
        client.createSecret(request -> request.name("prod/" + tenant + "/connectwise").secretString(valid().json()));
        client.createSecret(request -> request.name("prod/" + other + "/connectwise")
                .secretString(valid().with("site", "api-eu.myconnectwise.net").json()));

        // WHEN both tenants ask twice
        for (int i = 0; i < 2; i++) {
            assertEquals("api-na.myconnectwise.net", source.credentials(tenant).site());
            assertEquals("api-eu.myconnectwise.net", source.credentials(other).site());
        }

        // THEN each secret was read once, by its name
        assertEquals("prod/" + tenant + "/connectwise", source.secretName(tenant));
        assertEquals(1, endpoint.getSecretValueCalls("prod/" + tenant + "/connectwise"));
        assertEquals(1, endpoint.getSecretValueCalls("prod/" + other + "/connectwise"));
        assertEquals(0, endpoint.getSecretValueCalls(secretName));
    }

    @Test
    void missingSecretIsNotFoundAndNotCached() {
        SecretNotFoundException error = assertThrows(SecretNotFoundException.class, () -> source.credentials(tenant));
        assertEquals("Secrets Manager has no secret " + secretName + " for tenant '" + tenant + "'",
                error.getMessage());

        // a secret created afterwards is found by the next request
        seed(valid().json());
        assertEquals(TenantSecret.expected(null), source.credentials(tenant));
        assertEquals(2, endpoint.getSecretValueCalls(secretName));
    }

    @Test
    void deniedReadIsAccessDenied() {
        seed(valid().json());
        endpoint.denyAccess(secretName);

        SecretAccessDeniedException error =
                assertThrows(SecretAccessDeniedException.class, () -> source.credentials(tenant));
        assertTrue(error.getMessage().startsWith("Access denied to secret " + secretName + " for tenant '" + tenant
                + "' (AccessDeniedException, HTTP 400, request "), error.getMessage());
    }

    @Test
    void throttledReadIsThrottledAndTheNextReadRecovers() {
        seed(valid().json());
        endpoint.throttle(secretName);

        SecretThrottledException error = assertThrows(SecretThrottledException.class, () -> source.credentials(tenant));
        assertTrue(error.getMessage().contains("(ThrottlingException, HTTP 400"), error.getMessage());

        endpoint.stopThrottling(secretName);
        assertEquals(TenantSecret.expected(null), source.credentials(tenant));
    }

    @Test
    void unreachableSecretsManagerIsUnavailable() throws Exception {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (SecretsManagerClient unreachable = SecretsManagerClients.at(nowhere)) {
            source = new SecretsManagerCredentialsSource(unreachable, "cw-lifecycle/{tenant}", TTL, clock);

            CredentialsUnavailableException error =
                    assertThrows(CredentialsUnavailableException.class, () -> source.credentials(tenant));
            assertEquals("Could not read secret " + secretName + " for tenant '" + tenant
                    + "' from Secrets Manager: SdkClientException", error.getMessage());
        }
    }

    @Test
    void malformedSecretNamesFieldAndVersionAndNothingOfTheSecretReachesTheLogs() {
        // GIVEN a secret whose site carries the keys as user info
        String versionId = client.createSecret(request -> request.name(secretName).secretString(valid()
                .with("site", "https://acme+" + TenantSecret.PUBLIC_KEY + ":" + TenantSecret.PRIVATE_KEY
                        + "@api-na.myconnectwise.net").json())).versionId();

        try (LogCapture logs = LogCapture.of("dev.cwlifecycle", "software.amazon.awssdk")) {
            // WHEN it is read
            MalformedSecretException error =
                    assertThrows(MalformedSecretException.class, () -> source.credentials(tenant));

            // THEN the error names the secret, its version and the field, and holds no key
            assertEquals("secret " + secretName + " (version " + versionId + ") for tenant '" + tenant
                    + "': site must not contain user info ('@')", error.getMessage());
            assertNoKeyMaterial(error.getMessage());

            // AND once fixed, the good read is logged too, and no log line holds a key
            client.putSecretValue(request -> request.secretId(secretName).secretString(valid().json()));
            source.credentials(tenant);
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("WARN") && line.contains(error.getMessage())),
                    () -> "no warning in " + lines);
            assertTrue(lines.stream().anyMatch(line -> line.contains("Read credentials for tenant " + tenant)),
                    () -> "no read logged in " + lines);
            lines.forEach(TenantSecret::assertNoKeyMaterial);
        }
    }

    @Test
    void tenantIdThatCouldEscapeThePatternIsRefusedBeforeAnyCall() {
        for (String bad : Set.of("../other", "acme/prod", "", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> source.credentials(bad));
        }
    }

    private void seed(String json) {
        client.createSecret(request -> request.name(secretName).secretString(json));
    }

    private static <T> List<T> all(int callers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
