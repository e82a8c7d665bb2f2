package dev.cwlifecycle.store;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.cwlifecycle.store.Tables.DIRECTORY_EMAIL_INDEX;
import static dev.cwlifecycle.store.Tables.DIRECTORY_IDENTIFIER;
import static dev.cwlifecycle.store.Tables.DIRECTORY_IDENTIFIER_INDEX;
import static dev.cwlifecycle.store.Tables.DIRECTORY_MEMBER_ID;
import static dev.cwlifecycle.store.Tables.DIRECTORY_PENDING_INDEX;
import static dev.cwlifecycle.store.Tables.DIRECTORY_PENDING_TENANT;
import static dev.cwlifecycle.store.Tables.DIRECTORY_TENANT_EMAIL;

/**
 * The member directory in DynamoDB. Every write is conditional on {@code lastUpdated}, so sync, callbacks
 * and provisioning may race in any order and the newest data still wins. A page is written by a small
 * fixed pool: DynamoDB has no conditional batch write. Members absent from the directory when a full run read it go
 * in unconditional batches instead ({@link #insertAbsent}).
 */
@ApplicationScoped
public class DynamoDbMemberDirectory implements MemberDirectory, DirectoryLookup, AutoCloseable {

    private static final String UPSERT_CONDITION = "attribute_not_exists(lastUpdated) OR lastUpdated < :lastUpdated"
            + " OR (pending = :true AND deleted = :false AND lastUpdated = :lastUpdated)";
    /** {@link #upsertOurWrite}: the same, and a row as new (ConnectWise stamps to the second) gives way too. */
    private static final String OUR_WRITE_CONDITION = "attribute_not_exists(lastUpdated) OR lastUpdated <= :lastUpdated"
            + " OR (pending = :true AND deleted = :false)";
    private static final String TOMBSTONE_CONDITION = "attribute_not_exists(lastUpdated) OR lastUpdated <= :at";
    private static final String PENDING_CONDITION = "attribute_not_exists(lastUpdated) OR lastUpdated < :at";

    /** BatchWriteItem's limit. */
    private static final int BATCH = 25;
    /** Sends of a batch's unprocessed items (throttling) before the page fails; each waits twice the last. */
    private static final int UNPROCESSED_ATTEMPTS = 6;
    private static final long FIRST_UNPROCESSED_WAIT_MILLIS = 50;

    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);

    private final DynamoDbClient dynamo;
    private final StoreConfig config;
    private final ExecutorService writers;
    /** Stamps {@code syncedAt} on every row written from what ConnectWise said. */
    private final Clock clock;

    @Inject
    public DynamoDbMemberDirectory(DynamoDbClient dynamo, StoreConfig config, Clock clock) {
        this.dynamo = dynamo;
        this.config = config;
        this.clock = clock;
        this.writers = Executors.newFixedThreadPool(config.directoryWriteParallelism(), daemonThreads());
    }

    @Override
    public UpsertOutcome upsertIfNewer(DirectoryEntry entry) {
        return upsert(entry, UPSERT_CONDITION);
    }

    @Override
    public UpsertOutcome upsertOurWrite(DirectoryEntry entry) {
        return upsert(entry, OUR_WRITE_CONDITION);
    }

    private UpsertOutcome upsert(DirectoryEntry entry, String condition) {
        if (entry.lastUpdated() == null) {
            throw new IllegalArgumentException("A directory entry needs lastUpdated to be ordered against stored data");
        }
        return conditional(() -> dynamo.putItem(put -> put.tableName(config.directoryTable())
                .item(DirectoryItem.of(entry, clock.instant()))
                .conditionExpression(condition)
                .expressionAttributeValues(Map.of(
                        ":lastUpdated", SortableInstant.attribute(entry.lastUpdated()),
                        ":true", TRUE,
                        ":false", FALSE))))
                ? UpsertOutcome.UPSERTED : UpsertOutcome.UNCHANGED;
    }

    @Override
    public Map<UpsertOutcome, Integer> upsertAllIfNewer(List<DirectoryEntry> page) {
        List<Future<UpsertOutcome>> writes = new ArrayList<>(page.size());
        page.forEach(entry -> writes.add(writers.submit(() -> upsertIfNewer(entry))));
        Map<UpsertOutcome, Integer> outcomes = new EnumMap<>(UpsertOutcome.class);
        for (UpsertOutcome outcome : UpsertOutcome.values()) {
            outcomes.put(outcome, 0);
        }
        for (Future<UpsertOutcome> write : writes) {
            outcomes.merge(awaitWrite(write), 1, Integer::sum);
        }
        return outcomes;
    }

    @Override
    public int insertAbsent(List<DirectoryEntry> entries) {
        List<Future<?>> writes = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<DirectoryEntry> batch = entries.subList(from, Math.min(from + BATCH, entries.size()));
            writes.add(writers.submit(() -> writeBatch(batch)));
        }
        writes.forEach(DynamoDbMemberDirectory::awaitWrite);
        return entries.size();
    }

    @Override
    public boolean overwrite(DirectoryEntry entry, DirectoryEntry stored) {
        return conditional(() -> dynamo.putItem(put -> put.tableName(config.directoryTable())
                .item(DirectoryItem.of(entry, clock.instant()))
                .conditionExpression("lastUpdated = :seen")
                .expressionAttributeValues(Map.of(":seen", SortableInstant.attribute(stored.lastUpdated())))));
    }

    @Override
    public boolean tombstone(String tenant, long memberId, Instant at) {
        return conditional(() -> dynamo.updateItem(update -> update.tableName(config.directoryTable())
                .key(DirectoryItem.key(tenant, memberId))
                .updateExpression("SET deleted = :true, pending = :false, lastUpdated = :at, "
                        + DirectoryItem.SYNCED_AT + " = :now REMOVE " + DIRECTORY_PENDING_TENANT)
                .conditionExpression(TOMBSTONE_CONDITION)
                .expressionAttributeValues(Map.of(":true", TRUE, ":false", FALSE, ":at", SortableInstant.attribute(at),
                        ":now", SortableInstant.attribute(clock.instant())))));
    }

    @Override
    public boolean markPending(String tenant, long memberId, Instant at) {
        return conditional(() -> dynamo.updateItem(update -> update.tableName(config.directoryTable())
                .key(DirectoryItem.key(tenant, memberId))
                .updateExpression("SET pending = :true, " + DIRECTORY_PENDING_TENANT + " = :tenant")
                .conditionExpression(PENDING_CONDITION)
                .expressionAttributeValues(Map.of(":true", TRUE, ":tenant", AttributeValue.fromS(tenant),
                        ":at", SortableInstant.attribute(at)))));
    }

    @Override
    public Optional<DirectoryEntry> get(String tenant, long memberId) {
        return row(tenant, memberId).map(DirectoryRow::entry);
    }

    @Override
    public List<DirectoryEntry> findByEmail(String tenant, String email) {
        return rowsByEmail(tenant, email).stream().map(DirectoryRow::entry).toList();
    }

    @Override
    public Optional<DirectoryRow> row(String tenant, long memberId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.directoryTable())
                .key(DirectoryItem.key(tenant, memberId))
                .consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(DirectoryItem.row(item));
    }

    @Override
    public List<DirectoryRow> rowsByIdentifier(String tenant, String identifier) {
        return dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .indexName(DIRECTORY_IDENTIFIER_INDEX)
                        .keyConditionExpression("tenant = :tenant AND " + DIRECTORY_IDENTIFIER + " = :identifier")
                        .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant),
                                ":identifier", AttributeValue.fromS(identifier))))
                .items().stream()
                .map(DirectoryItem::row)
                .toList();
    }

    @Override
    public List<DirectoryRow> rowsByEmail(String tenant, String email) {
        return dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .indexName(DIRECTORY_EMAIL_INDEX)
                        .keyConditionExpression(DIRECTORY_TENANT_EMAIL + " = :tenantEmail")
                        .expressionAttributeValues(Map.of(":tenantEmail", AttributeValue.fromS(DirectoryItem.tenantEmail(tenant, email)))))
                .items().stream()
                .map(DirectoryItem::row)
                .toList();
    }

    /**
     * Queries from the start key until {@code limit} rows passed the filter or the tenant has no more: DynamoDB applies
     * a Query's limit before its filter, so one Query may hold fewer than asked.
     */
    @Override
    public DirectoryPage page(String tenant, Optional<Boolean> active, int limit, Optional<Long> afterMemberId) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":tenant", AttributeValue.fromS(tenant),
                ":false", FALSE));
        active.ifPresent(wanted -> values.put(":active", AttributeValue.fromBool(wanted)));
        String filter = "deleted = :false AND attribute_exists(" + DIRECTORY_IDENTIFIER + ")"
                + (active.isPresent() ? " AND active = :active" : "");
        List<DirectoryRow> rows = new ArrayList<>();
        Map<String, AttributeValue> start = afterMemberId.map(after -> DirectoryItem.key(tenant, after)).orElse(null);
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(query -> query.tableName(config.directoryTable())
                    .keyConditionExpression("tenant = :tenant")
                    .filterExpression(filter)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(from)
                    .limit(limit - rows.size())
                    .consistentRead(true));
            response.items().forEach(item -> rows.add(DirectoryItem.row(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && rows.size() < limit);
        return new DirectoryPage(rows, Optional.ofNullable(start)
                .map(key -> Long.parseLong(key.get(DIRECTORY_MEMBER_ID).n())));
    }

    @Override
    public Stream<DirectoryEntry> scan(String tenant) {
        return dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .keyConditionExpression("tenant = :tenant")
                        .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant)))
                        .limit(config.directoryPageSize())
                        .consistentRead(true))
                .items().stream()
                .map(DirectoryItem::entry);
    }

    /**
     * Reads the sparse pending index, so the cost follows the number of pending members, not the tenant's size. A
     * global index is eventually consistent: a flag set a moment ago may be seen only by the next run, which is
     * harmless because the flag stays until a sync refreshes the member; a member refreshed a moment ago may be
     * listed once more, and re-reading it is harmless too (the conditional writes refuse older data).
     */
    @Override
    public List<Long> pendingMemberIds(String tenant) {
        return dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .indexName(DIRECTORY_PENDING_INDEX)
                        .keyConditionExpression(DIRECTORY_PENDING_TENANT + " = :tenant")
                        .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant))))
                .items().stream()
                .map(item -> Long.parseLong(item.get(DIRECTORY_MEMBER_ID).n()))
                .toList();
    }

    @Override
    @PreDestroy
    public void close() {
        writers.shutdown();
    }

    /** One BatchWriteItem; what DynamoDB leaves unprocessed (throttled) is sent again after a growing wait. */
    private void writeBatch(List<DirectoryEntry> batch) {
        Instant syncedAt = clock.instant();
        Map<String, List<WriteRequest>> unsent = Map.of(config.directoryTable(), batch.stream()
                .map(entry -> WriteRequest.builder().putRequest(put -> put.item(DirectoryItem.of(entry, syncedAt))).build())
                .toList());
        for (int attempt = 0; !unsent.isEmpty(); attempt++) {
            if (attempt == UNPROCESSED_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB left " + unsent.get(config.directoryTable()).size()
                        + " directory items unprocessed after " + attempt + " attempts");
            }
            if (attempt > 0) {
                pause(FIRST_UNPROCESSED_WAIT_MILLIS << (attempt - 1));
            }
            Map<String, List<WriteRequest>> items = unsent;
            unsent = dynamo.batchWriteItem(write -> write.requestItems(items)).unprocessedItems();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while DynamoDB throttled a batch of directory items", e);
        }
    }

    /** Runs a conditional write; false when DynamoDB refused it because the stored item is newer. */
    private static boolean conditional(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException newerStored) {
            return false;
        }
    }

    private static <T> T awaitWrite(Future<T> write) {
        try {
            return write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing a page of directory entries", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Writing a directory entry failed", e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "directory-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
