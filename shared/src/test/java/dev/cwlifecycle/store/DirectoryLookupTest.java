package dev.cwlifecycle.store;

import dev.cwlifecycle.store.DirectoryEntry.Source;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@ExtendWith(DynamoDbLocalExtension.class)
class DirectoryLookupTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final DynamoDbClient dynamo = DynamoDbLocalExtension.newClient(new RequestLog());
    private final StoreConfig config = DynamoDbLocalExtension.storeConfig();
    private final DynamoDbMemberDirectory directory = new DynamoDbMemberDirectory(dynamo, config,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final String tenant = "t-" + UUID.randomUUID();

    @AfterEach
    void close() {
        directory.close();
        dynamo.close();
    }

    @Test
    void givenRowsWrittenFromConnectWise_whenRead_thenEachCarriesWhenItWasWritten() {
        directory.upsertIfNewer(entry(tenant, 1, "ann", true, T1));
        directory.insertAbsent(List.of(entry(tenant, 2, "bob", true, T1)));
        directory.upsertIfNewer(entry(tenant, 3, "cid", true, T1));
        directory.tombstone(tenant, 3, T1.plusSeconds(1));

        assertEquals(NOW, directory.row(tenant, 1).orElseThrow().syncedAt());
        assertEquals(NOW, directory.row(tenant, 2).orElseThrow().syncedAt());
        assertEquals(NOW, directory.row(tenant, 3).orElseThrow().syncedAt());
        assertEquals(entry(tenant, 1, "ann", true, T1), directory.row(tenant, 1).orElseThrow().entry());
    }

    @Test
    void givenARowWrittenBeforeTheIdentifierIndexAndSyncedAtExisted_whenLookedUpByIdentifier_thenItIsFound() {
        // the item exactly as the directory wrote it before: no syncedAt; the index key is an attribute it had
        dynamo.putItem(put -> put.tableName(config.directoryTable()).item(Map.of(
                "tenant", AttributeValue.fromS(tenant), "memberId", AttributeValue.fromN("41"),
                "identifier", AttributeValue.fromS("old"), "active", AttributeValue.fromBool(true),
                "lastUpdated", AttributeValue.fromS("2026-03-01T10:00:00.000000000Z"),
                "deleted", AttributeValue.fromBool(false), "pending", AttributeValue.fromBool(false))));
        directory.markPending(tenant, 42, T1);

        List<DirectoryRow> rows = directory.rowsByIdentifier(tenant, "old");

        assertEquals(List.of(41L), rows.stream().map(row -> row.entry().memberId()).toList());
        assertNull(rows.get(0).syncedAt());
        assertEquals(List.of(), directory.rowsByIdentifier(tenant, "OLD"), "as ConnectWise spells it");
        assertEquals(List.of(), directory.rowsByIdentifier("other-" + tenant, "old"), "one tenant's only");
    }

    @Test
    void givenMembersOfTwoTenants_whenPaged_thenOnlyThisTenantsLiveOnesComeInIdOrder() {
        for (long id = 1; id <= 7; id++) {
            directory.upsertIfNewer(entry(tenant, id, "m" + id, id != 4, T1));
        }
        directory.tombstone(tenant, 5, T1.plusSeconds(1));
        directory.markPending(tenant, 8, T1);
        directory.upsertIfNewer(entry("other-" + tenant, 2, "theirs", true, T1));

        DirectoryPage first = directory.page(tenant, Optional.of(true), 2, Optional.empty());
        DirectoryPage second = directory.page(tenant, Optional.of(true), 2, first.lastMemberId());
        DirectoryPage rest = directory.page(tenant, Optional.of(true), 10, second.lastMemberId());
        DirectoryPage inactive = directory.page(tenant, Optional.of(false), 10, Optional.empty());

        assertEquals(List.of(1L, 2L), ids(first));
        assertEquals(List.of(3L, 6L), ids(second), "the inactive 4 and the deleted 5 are filtered out");
        assertEquals(List.of(7L), ids(rest));
        assertEquals(Optional.empty(), rest.lastMemberId(), "the pending-only row 8 is no member");
        assertEquals(List.of(4L), ids(inactive));
    }

    private static List<Long> ids(DirectoryPage page) {
        return page.rows().stream().map(row -> row.entry().memberId()).toList();
    }

    private static DirectoryEntry entry(String tenant, long memberId, String identifier, boolean active,
                                        Instant lastUpdated) {
        return new DirectoryEntry(tenant, memberId, identifier, "First", "Last", identifier + "@acme.example",
                "Technician", "F", active, lastUpdated, Source.SYNC, false, false);
    }
}
