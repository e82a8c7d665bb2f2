package dev.cwlifecycle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.cwlifecycle.store.Tables.SYNC_STREAM;
import static dev.cwlifecycle.store.Tables.TENANT;

/**
 * Sync state in DynamoDB, one item per tenant and stream. Every write is conditional: the lease on its
 * holder or its expiry, the watermark on the lease and on moving forward, so overlapping runs cannot
 * both write and racing writers cannot move the watermark back.
 */
@ApplicationScoped
public class DynamoDbSyncStateStore implements SyncStateStore {

    private static final String ACQUIRE_CONDITION =
            "attribute_not_exists(leaseOwner) OR leaseExpiresAt < :now OR leaseOwner = :owner";
    private static final String HELD_CONDITION = "leaseOwner = :owner";
    private static final String ADVANCE_CONDITION =
            "leaseOwner = :owner AND (attribute_not_exists(watermark) OR watermark < :to)";

    private static final String WATERMARK = "watermark";
    private static final String LAST_RUN = "lastRun";

    private final DynamoDbClient dynamo;
    private final StoreConfig config;

    @Inject
    public DynamoDbSyncStateStore(DynamoDbClient dynamo, StoreConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public Optional<Lease> acquireLease(String tenant, String stream, String owner, Duration ttl, Instant now) {
        Lease lease = new Lease(tenant, stream, owner, now.plus(ttl));
        boolean acquired = conditionalUpdate(UpdateItemRequest.builder()
                .key(key(tenant, stream))
                .updateExpression("SET leaseOwner = :owner, leaseExpiresAt = :expiresAt")
                .conditionExpression(ACQUIRE_CONDITION)
                .expressionAttributeValues(Map.of(
                        ":owner", AttributeValue.fromS(owner),
                        ":expiresAt", SortableInstant.attribute(lease.expiresAt()),
                        ":now", SortableInstant.attribute(now))));
        return acquired ? Optional.of(lease) : Optional.empty();
    }

    @Override
    public void releaseLease(Lease lease) {
        // false means another run took the lease over after ours expired: it is not ours to release
        conditionalUpdate(UpdateItemRequest.builder()
                .key(key(lease.tenant(), lease.stream()))
                .updateExpression("REMOVE leaseOwner, leaseExpiresAt")
                .conditionExpression(HELD_CONDITION)
                .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(lease.owner()))));
    }

    @Override
    public Optional<Instant> watermark(String tenant, String stream) {
        return Optional.ofNullable(SortableInstant.parse(read(tenant, stream, WATERMARK)));
    }

    @Override
    public boolean advanceWatermark(Lease lease, Instant to) {
        return conditionalUpdate(UpdateItemRequest.builder()
                .key(key(lease.tenant(), lease.stream()))
                .updateExpression("SET watermark = :to")
                .conditionExpression(ADVANCE_CONDITION)
                .expressionAttributeValues(Map.of(
                        ":owner", AttributeValue.fromS(lease.owner()),
                        ":to", SortableInstant.attribute(to))));
    }

    @Override
    public boolean recordRun(Lease lease, RunSummary summary) {
        return conditionalUpdate(UpdateItemRequest.builder()
                .key(key(lease.tenant(), lease.stream()))
                .updateExpression("SET lastRun = :summary")
                .conditionExpression(HELD_CONDITION)
                .expressionAttributeValues(Map.of(
                        ":owner", AttributeValue.fromS(lease.owner()),
                        ":summary", AttributeValue.fromM(toAttributes(summary)))));
    }

    @Override
    public Optional<RunSummary> lastRun(String tenant, String stream) {
        return Optional.ofNullable(read(tenant, stream, LAST_RUN)).map(run -> fromAttributes(run.m()));
    }

    private boolean conditionalUpdate(UpdateItemRequest.Builder update) {
        try {
            dynamo.updateItem(update.tableName(config.syncStateTable()).build());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private AttributeValue read(String tenant, String stream, String attribute) {
        return dynamo.getItem(get -> get.tableName(config.syncStateTable())
                        .key(key(tenant, stream))
                        .projectionExpression(attribute)
                        .consistentRead(true))
                .item().get(attribute);
    }

    private static Map<String, AttributeValue> key(String tenant, String stream) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), SYNC_STREAM, AttributeValue.fromS(stream));
    }

    private static Map<String, AttributeValue> toAttributes(RunSummary summary) {
        Map<String, AttributeValue> run = new HashMap<>();
        run.put("mode", AttributeValue.fromS(summary.mode().name()));
        run.put("pages", number(summary.pages()));
        run.put("seen", number(summary.seen()));
        run.put("upserted", number(summary.upserted()));
        run.put("unchanged", number(summary.unchanged()));
        run.put("tombstoned", number(summary.tombstoned()));
        run.put("requests", number(summary.requests()));
        run.put("durationMillis", number(summary.durationMillis()));
        if (summary.oldWatermark() != null) {
            run.put("oldWatermark", SortableInstant.attribute(summary.oldWatermark()));
        }
        if (summary.newWatermark() != null) {
            run.put("newWatermark", SortableInstant.attribute(summary.newWatermark()));
        }
        run.put("complete", AttributeValue.fromBool(summary.complete()));
        return run;
    }

    private static RunSummary fromAttributes(Map<String, AttributeValue> run) {
        return new RunSummary(
                RunSummary.Mode.valueOf(run.get("mode").s()),
                Integer.parseInt(run.get("pages").n()),
                Long.parseLong(run.get("seen").n()),
                Long.parseLong(run.get("upserted").n()),
                Long.parseLong(run.get("unchanged").n()),
                Long.parseLong(run.get("tombstoned").n()),
                Long.parseLong(run.get("requests").n()),
                Long.parseLong(run.get("durationMillis").n()),
                SortableInstant.parse(run.get("oldWatermark")),
                SortableInstant.parse(run.get("newWatermark")),
                run.get("complete").bool());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
