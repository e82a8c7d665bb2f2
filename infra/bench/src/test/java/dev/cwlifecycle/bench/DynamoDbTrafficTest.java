package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.DynamoDbMemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import dev.cwlifecycle.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbTrafficTest {

    /** What reached the wire, after every interceptor before it. */
    private static final class Sent implements ExecutionInterceptor {
        final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            requests.add(context.request());
        }
    }

    private final DynamoDbTraffic traffic = new DynamoDbTraffic();
    private final Sent sent = new Sent();
    private final DynamoDbClient dynamo = DynamoDbLocalExtension.newClient(traffic, sent);
    private final DynamoDbMemberDirectory directory = new DynamoDbMemberDirectory(dynamo,
            DynamoDbLocalExtension.storeConfig(), new MovableClock());
    private final String tenant = "traffic-" + UUID.randomUUID();

    @AfterEach
    void close() {
        directory.close();
        dynamo.close();
    }

    @Test
    void countsRequestsAndTheCapacityDynamoDbReportsIndexIncluded() {
        // GIVEN
        DynamoDbUsage before = traffic.snapshot();
        DirectoryEntry entry = new DirectoryEntry(tenant, 7, "jdoe", "John", "Doe", "jdoe@acme.example",
                "Technician", "F", true, Instant.parse("2026-03-01T10:00:00Z"), DirectoryEntry.Source.SYNC, false,
                false);

        // WHEN a new row is written (table, email index and identifier index), then a consistent read of it
        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(entry));
        DynamoDbUsage written = traffic.snapshot().minus(before);
        directory.get(tenant, 7);
        DynamoDbUsage read = traffic.snapshot().minus(before).minus(written);

        // THEN
        assertEquals(1, written.requests());
        assertEquals(3, written.writeUnits(), 1e-9);
        assertEquals(1, read.requests());
        assertEquals(1, read.readUnits(), 1e-9);
        assertEquals(0, read.writeUnits(), 1e-9);
        assertTrue(written.millis() > 0);
        assertEquals(written.millis(), written.busyMillis(), 1e-6, "one request alone: busy exactly while it ran");
        PutItemRequest put = (PutItemRequest) sent.requests.stream().filter(PutItemRequest.class::isInstance)
                .findFirst().orElseThrow();
        assertEquals(ReturnConsumedCapacity.INDEXES, put.returnConsumedCapacity());
        assertEquals("attribute_not_exists(lastUpdated) OR lastUpdated < :lastUpdated OR (pending = :true AND "
                + "deleted = :false AND lastUpdated = :lastUpdated)", put.conditionExpression(),
                "nothing but the capacity report was changed");
    }

    @Test
    void aBatchOfAbsentMembersCountsTheUnitsOfEveryTableAndIndexItWrote() {
        // GIVEN
        DynamoDbUsage before = traffic.snapshot();
        List<DirectoryEntry> absent = List.of(
                new DirectoryEntry(tenant, 21, "bwayne", "Bruce", "Wayne", "bwayne@acme.example", "Technician", "F",
                        true, Instant.parse("2026-03-01T10:00:00Z"), DirectoryEntry.Source.SYNC, false, false),
                new DirectoryEntry(tenant, 22, "ckent", "Clark", "Kent", "ckent@acme.example", "Technician", "F",
                        true, Instant.parse("2026-03-01T10:00:00Z"), DirectoryEntry.Source.SYNC, false, false));

        // WHEN they are written as a sync writes members absent from the directory: one BatchWriteItem
        assertEquals(2, directory.insertAbsent(absent));

        // THEN each row costs what a single put costs (table, email index and identifier index)
        DynamoDbUsage written = traffic.snapshot().minus(before);
        assertEquals(1, written.requests());
        assertEquals(6, written.writeUnits(), 1e-9);
        BatchWriteItemRequest batch = (BatchWriteItemRequest) sent.requests.stream()
                .filter(BatchWriteItemRequest.class::isInstance).findFirst().orElseThrow();
        assertEquals(ReturnConsumedCapacity.INDEXES, batch.returnConsumedCapacity());
    }

    @Test
    void aRefusedConditionalWriteCountsOneWriteUnit() {
        // GIVEN a row as new as the one written next
        DirectoryEntry entry = new DirectoryEntry(tenant, 8, "asmith", "Ann", "Smith", "asmith@acme.example",
                "Technician", "F", true, Instant.parse("2026-03-01T10:00:00Z"), DirectoryEntry.Source.SYNC, false,
                false);
        directory.upsertIfNewer(entry);
        DynamoDbUsage before = traffic.snapshot();

        // WHEN
        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(entry));

        // THEN DynamoDB bills the refused write although it reports nothing
        DynamoDbUsage refused = traffic.snapshot().minus(before);
        assertEquals(1, refused.requests());
        assertEquals(1, refused.writeUnits(), 1e-9);
    }
}
