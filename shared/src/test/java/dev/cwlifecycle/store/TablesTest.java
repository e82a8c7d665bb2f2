package dev.cwlifecycle.store;

import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(DynamoDbLocalExtension.class)
class TablesTest {

    private final DynamoDbClient dynamo = DynamoDbLocalExtension.client();

    @Test
    void givenDefaults_whenConfigIsRead_thenTableNamesTtlAndTimeoutAreTheDocumentedOnes() {
        StoreConfig config = DynamoDbLocalExtension.storeConfig();

        assertEquals("cw-lifecycle-idempotency", config.idempotencyTable());
        assertEquals("cw-lifecycle-sync-state", config.syncStateTable());
        assertEquals("cw-lifecycle-directory", config.directoryTable());
        assertEquals(Duration.ofHours(24), config.idempotencyTtl());
        assertEquals(Duration.ofSeconds(30), config.functionTimeout());
    }

    @Test
    void givenTheFunctionTimeoutIsConfigured_whenConfigIsRead_thenInProgressExpiryFollowsIt() {
        StoreConfig config = DynamoDbLocalExtension.storeConfig(Map.of("cw.function-timeout", "PT12S"));

        assertEquals(Duration.ofSeconds(12), config.functionTimeout());
    }

    @Test
    void givenTablesExist_whenCreateAllRunsAgain_thenItSucceedsAndLeavesThemAsDefined() {
        new Tables(DynamoDbLocalExtension.storeConfig()).createAll(dynamo);

        TableDescription idempotency = describe("cw-lifecycle-idempotency");
        assertEquals(List.of(key("id", KeyType.HASH)), idempotency.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, idempotency.billingModeSummary().billingMode());
        assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(request -> request.tableName("cw-lifecycle-idempotency"))
                .timeToLiveDescription().timeToLiveStatus());
        assertEquals("expiresAt", dynamo.describeTimeToLive(request -> request.tableName("cw-lifecycle-idempotency"))
                .timeToLiveDescription().attributeName());

        assertEquals(List.of(key("tenant", KeyType.HASH), key("stream", KeyType.RANGE)),
                describe("cw-lifecycle-sync-state").keySchema());

        TableDescription directory = describe("cw-lifecycle-directory");
        assertEquals(List.of(key("tenant", KeyType.HASH), key("memberId", KeyType.RANGE)), directory.keySchema());
        Map<String, GlobalSecondaryIndexDescription> indexes = directory.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, index -> index));
        assertEquals(Set.of("byEmail", "byPending", "byIdentifier"), indexes.keySet());
        assertEquals(List.of(key("tenant", KeyType.HASH), key("identifier", KeyType.RANGE)),
                indexes.get("byIdentifier").keySchema());
        assertEquals(ProjectionType.ALL, indexes.get("byIdentifier").projection().projectionType());
        assertEquals(List.of(key("tenantEmail", KeyType.HASH)), indexes.get("byEmail").keySchema());
        assertEquals(List.of(key("pendingTenant", KeyType.HASH), key("memberId", KeyType.RANGE)),
                indexes.get("byPending").keySchema());
        assertEquals(ProjectionType.KEYS_ONLY, indexes.get("byPending").projection().projectionType());
    }

    private TableDescription describe(String table) {
        return dynamo.describeTable(request -> request.tableName(table)).table();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
