package dev.cwlifecycle.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DynamoDB client the stores get in a function: the SDK's retry strategy with {@code cw.store.max-attempts}. */
@QuarkusTest
@TestProfile(DynamoDbRetriesTest.InARegion.class)
class DynamoDbRetriesTest {

    /** A region, so the client can be built; nothing is sent. */
    public static class InARegion implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        }
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Test
    void theInjectedClientRetriesWithTheConfiguredAttemptsOfTheSdkStrategy() {
        assertEquals(3, config.maxAttempts());
        assertEquals(config.maxAttempts(),
                dynamo.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow().maxAttempts());
    }
}
