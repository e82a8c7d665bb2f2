package dev.cwlifecycle.sync;

import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables behind the sync, for tests that need a tenant with no sync history and an empty directory. */
final class StoredState {

    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final StoreConfig config;

    StoredState(DynamoDbClient dynamo, StoreConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    void forget(String tenant) {
        dynamo.deleteItem(delete -> delete.tableName(config.syncStateTable()).key(Map.of(
                Tables.TENANT, AttributeValue.fromS(tenant), Tables.SYNC_STREAM, AttributeValue.fromS(Synchronizer.STREAM))));
        List<WriteRequest> batch = new ArrayList<>();
        dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .keyConditionExpression("tenant = :tenant")
                        .projectionExpression("tenant, memberId")
                        .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant))))
                .items().forEach(key -> {
                    batch.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
                    if (batch.size() == BATCH) {
                        deleteAll(batch);
                        batch.clear();
                    }
                });
        deleteAll(batch);
    }

    void deleteEntry(String tenant, long memberId) {
        dynamo.deleteItem(delete -> delete.tableName(config.directoryTable()).key(Map.of(
                Tables.TENANT, AttributeValue.fromS(tenant),
                Tables.DIRECTORY_MEMBER_ID, AttributeValue.fromN(Long.toString(memberId)))));
    }

    /** Flags the member pending as the directory did before its pending index: {@code pending} only, no index key. */
    void flagPendingWithoutIndexKey(String tenant, long memberId) {
        dynamo.updateItem(update -> update.tableName(config.directoryTable())
                .key(Map.of(Tables.TENANT, AttributeValue.fromS(tenant),
                        Tables.DIRECTORY_MEMBER_ID, AttributeValue.fromN(Long.toString(memberId))))
                .updateExpression("SET pending = :true")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    private void deleteAll(List<WriteRequest> deletes) {
        Map<String, List<WriteRequest>> pending = Map.of(config.directoryTable(), List.copyOf(deletes));
        while (!pending.isEmpty() && !pending.values().iterator().next().isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(write -> write.requestItems(request));
            pending = response.unprocessedItems();
        }
    }
}
