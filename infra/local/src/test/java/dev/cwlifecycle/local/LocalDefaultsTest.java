package dev.cwlifecycle.local;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LocalDefaultsTest {

    private static final Map<String, String> APPLICATION_PROPERTIES = Map.of(
            "cw.local.dynamodb-port", "8000",
            "cw.local.work-dir", "target/cw-local",
            "cw.credentials.source", "local");

    @Test
    void withNothingOfTheUsersItEmbedsTheSimulatorAndDynamoDbLocal() {
        Map<String, String> defaults = LocalDefaults.defaults(configured(Map.of()));

        assertEquals("simulator", defaults.get("cw.local.connectwise"));
        assertEquals("target/cw-local/credentials.json", defaults.get("cw.credentials.local-file"));
        assertEquals("embedded", defaults.get("cw.local.dynamodb"));
        assertEquals("http://127.0.0.1:8000", defaults.get("quarkus.dynamodb.endpoint-override"));
        assertEquals("us-east-1", defaults.get("quarkus.dynamodb.aws.region"));
        assertEquals("static", defaults.get("quarkus.dynamodb.aws.credentials.type"));
    }

    @Test
    void credentialsInTheEnvironmentMeanARealSiteAndNoCredentialsFileOfOurs() {
        Map<String, String> defaults = LocalDefaults.defaults(configured(Map.of("CW_CREDENTIALS", "{\"site\":\"x\"}")));

        assertEquals("site", defaults.get("cw.local.connectwise"));
        assertFalse(defaults.containsKey("cw.credentials.local-file"));
    }

    @Test
    void aCredentialsFileOrSecretsManagerMeanARealSiteToo() {
        assertEquals("site", LocalDefaults.defaults(configured(Map.of("cw.credentials.local-file", "/secrets/cw.json")))
                .get("cw.local.connectwise"));
        assertEquals("site", LocalDefaults.defaults(configured(Map.of("cw.credentials.source", "secrets-manager")))
                .get("cw.local.connectwise"));
        assertEquals("site", LocalDefaults.defaults(configured(Map.of("CW_CREDENTIALS_DEFAULT", "{}")))
                .get("cw.local.connectwise"));
    }

    @Test
    void awsMeansNoEndpointRegionOrKeysOfOurs() {
        Map<String, String> defaults = LocalDefaults.defaults(configured(Map.of("cw.local.dynamodb", "aws")));

        assertEquals("aws", defaults.get("cw.local.dynamodb"));
        assertFalse(defaults.containsKey("quarkus.dynamodb.endpoint-override"));
        assertFalse(defaults.containsKey("quarkus.dynamodb.aws.region"));
        assertFalse(defaults.containsKey("quarkus.dynamodb.aws.credentials.type"));
    }

    @Test
    void anEndpointOrARegionOfTheUsersIsUsedAsGiven() {
        assertEquals("endpoint", LocalDefaults.defaults(configured(Map.of(
                "quarkus.dynamodb.endpoint-override", "http://127.0.0.1:9000"))).get("cw.local.dynamodb"));
        Map<String, String> region = LocalDefaults.defaults(configured(Map.of("quarkus.dynamodb.aws.region", "eu-west-1")));
        assertEquals("aws", region.get("cw.local.dynamodb"));
        assertFalse(region.containsKey("quarkus.dynamodb.endpoint-override"));
    }

    private static LocalDefaults.Lookup configured(Map<String, String> user) {
        Map<String, String> all = new HashMap<>(APPLICATION_PROPERTIES);
        all.putAll(user);
        return all::get;
    }
}
