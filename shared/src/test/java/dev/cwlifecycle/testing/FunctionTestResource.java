package dev.cwlifecycle.testing;

import dev.cwlifecycle.credentials.LocalCredentialsSource;
import dev.cwlifecycle.gateway.BearerToken;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Real servers for a function's {@code @QuarkusTest}: the ConnectWise simulator and DynamoDB Local on loopback,
 * and the default tenant's credentials (with the hash of {@link #TOKEN}) in a local credentials file, one file per
 * tenant.
 * Init arg {@code members}: how many members the simulator seeds (default 30).
 */
public class FunctionTestResource implements QuarkusTestResourceLifecycleManager {

    /** The bearer token callers present in function tests. */
    public static final String TOKEN = "test-token-4f6c1e";

    private static volatile ConnectWiseSimulator simulator;
    private static volatile Path credentialsDirectory;
    private int members = 30;

    @Override
    public void init(Map<String, String> initArgs) {
        members = Integer.parseInt(initArgs.getOrDefault("members", "30"));
    }

    @Override
    public Map<String, String> start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(members).start();
        String dynamo = DynamoDbLocalExtension.startOnce().toString();
        try {
            credentialsDirectory = Files.createTempDirectory("cw-credentials");
            secret(credentialsJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("quarkus.dynamodb.endpoint-override", dynamo),
                Map.entry("quarkus.dynamodb.aws.region", "us-east-1"),
                Map.entry("quarkus.dynamodb.aws.credentials.type", "static"),
                Map.entry("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local"),
                Map.entry("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local"),
                Map.entry("cw.credentials.source", "local"),
                Map.entry("cw.credentials.local-file", credentialsDirectory.resolve("{tenant}.json").toString()),
                Map.entry("cw.connectwise.retry.initial-delay", "PT0.02S"),
                Map.entry("cw.connectwise.retry.max-delay", "PT1S"),
                Map.entry("cw.connectwise.retry.max-duration", "PT5S"));
    }

    @Override
    public void stop() {
        simulator.close();
        try (var files = Files.list(credentialsDirectory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(credentialsDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The simulator's credentials as a tenant secret's JSON, with the hash of {@link #TOKEN}. */
    public static String credentialsJson() {
        return credentialsJson("");
    }

    /** The same, with {@code more} fields (e.g. {@code ,"allowedPrincipals":[...]}) at its end. */
    public static String credentialsJson(String more) {
        return """
                {"site":"%s","companyId":"acme","publicKey":"pub-acme","privateKey":"priv-acme",
                 "clientId":"0f1e2d3c-aaaa-bbbb-cccc-000000000001","apiTokenSha256":"%s"%s}"""
                .formatted(simulator.baseUrl(), HexFormat.of().formatHex(BearerToken.sha256(TOKEN)), more);
    }

    /** Replaces the default tenant's secret; the local source reads it on every call, so it applies at once. */
    public static void secret(String json) {
        secret(LocalCredentialsSource.DEFAULT_TENANT, json);
    }

    /** Writes (or replaces) a tenant's secret. */
    public static void secret(String tenant, String json) {
        try {
            Files.writeString(credentialsDirectory.resolve(tenant + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConnectWiseSimulator simulator() {
        return simulator;
    }

    /** The simulator as a test starts with it: no fault armed, nothing in its request log. */
    public static ConnectWiseSimulator freshSimulator() {
        simulator.faults().clear();
        simulator.requestLog().clear();
        return simulator;
    }
}
