package dev.cwlifecycle.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.util.List;

/**
 * The three tables' keys, indexes and TTL in one place: the stores, local runs, tests and template.yaml
 * follow these definitions.
 */
public final class Tables {

    /** Idempotency: partition key {@code tenant#operation#clientKey}. */
    public static final String IDEMPOTENCY_ID = "id";
    /** Idempotency: DynamoDB's TTL attribute, epoch seconds. */
    public static final String IDEMPOTENCY_EXPIRES_AT = "expiresAt";

    public static final String TENANT = "tenant";
    /** Sync state: sort key, the name of the synchronised stream (e.g. {@code members}). */
    public static final String SYNC_STREAM = "stream";
    /** Directory: sort key, the ConnectWise member id (a number). */
    public static final String DIRECTORY_MEMBER_ID = "memberId";
    /** Directory: the email index and its partition key {@code tenant#lower-case office email}. */
    public static final String DIRECTORY_EMAIL_INDEX = "byEmail";
    public static final String DIRECTORY_TENANT_EMAIL = "tenantEmail";
    /**
     * Directory: the pending index and its partition key, the tenant, present only while the member is flagged
     * pending. The index is sparse, so finding a tenant's pending members reads those members only; sorted by
     * memberId, keys only (the table key is all the sync needs).
     */
    public static final String DIRECTORY_PENDING_INDEX = "byPending";
    public static final String DIRECTORY_PENDING_TENANT = "pendingTenant";
    /**
     * Directory: the identifier index, on the tenant and the identifier as ConnectWise spells it. Both attributes are
     * in every row that holds a member, those written before the index existed too, so DynamoDB's backfill of a new
     * index covers them with no migration; rows only flagged pending (no member data yet) stay out of it.
     */
    public static final String DIRECTORY_IDENTIFIER_INDEX = "byIdentifier";
    public static final String DIRECTORY_IDENTIFIER = "identifier";

    private final StoreConfig config;

    public Tables(StoreConfig config) {
        this.config = config;
    }

    public CreateTableRequest idempotency() {
        return CreateTableRequest.builder()
                .tableName(config.idempotencyTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(IDEMPOTENCY_ID, ScalarAttributeType.S))
                .keySchema(key(IDEMPOTENCY_ID, KeyType.HASH))
                .build();
    }

    public CreateTableRequest syncState() {
        return CreateTableRequest.builder()
                .tableName(config.syncStateTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(TENANT, ScalarAttributeType.S), attribute(SYNC_STREAM, ScalarAttributeType.S))
                .keySchema(key(TENANT, KeyType.HASH), key(SYNC_STREAM, KeyType.RANGE))
                .build();
    }

    public CreateTableRequest directory() {
        return CreateTableRequest.builder()
                .tableName(config.directoryTable())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(TENANT, ScalarAttributeType.S),
                        attribute(DIRECTORY_MEMBER_ID, ScalarAttributeType.N),
                        attribute(DIRECTORY_TENANT_EMAIL, ScalarAttributeType.S),
                        attribute(DIRECTORY_PENDING_TENANT, ScalarAttributeType.S),
                        attribute(DIRECTORY_IDENTIFIER, ScalarAttributeType.S))
                .keySchema(key(TENANT, KeyType.HASH), key(DIRECTORY_MEMBER_ID, KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                                .indexName(DIRECTORY_EMAIL_INDEX)
                                .keySchema(key(DIRECTORY_TENANT_EMAIL, KeyType.HASH))
                                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(DIRECTORY_PENDING_INDEX)
                                .keySchema(key(DIRECTORY_PENDING_TENANT, KeyType.HASH), key(DIRECTORY_MEMBER_ID, KeyType.RANGE))
                                .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))
                                .build(),
                        GlobalSecondaryIndex.builder()
                                .indexName(DIRECTORY_IDENTIFIER_INDEX)
                                .keySchema(key(TENANT, KeyType.HASH), key(DIRECTORY_IDENTIFIER, KeyType.RANGE))
                                .projection(projection -> projection.projectionType(ProjectionType.ALL))
                                .build())
                .build();
    }

    /** Creates whichever tables are missing, waits until they are active and turns on the idempotency TTL. */
    public void createAll(DynamoDbClient dynamo) {
        List<CreateTableRequest> tables = List.of(idempotency(), syncState(), directory());
        for (CreateTableRequest table : tables) {
            try {
                dynamo.createTable(table);
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier run: createAll is meant to be called on every start
            }
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo).build()) {
            tables.forEach(table -> waiter.waitUntilTableExists(request -> request.tableName(table.tableName())));
        }
        enableTimeToLive(dynamo);
    }

    private void enableTimeToLive(DynamoDbClient dynamo) {
        String table = config.idempotencyTable();
        TimeToLiveStatus status = dynamo.describeTimeToLive(request -> request.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.DISABLED) {
            dynamo.updateTimeToLive(request -> request.tableName(table)
                    .timeToLiveSpecification(ttl -> ttl.attributeName(IDEMPOTENCY_EXPIRES_AT).enabled(true)));
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
