package dev.cwlifecycle.store;

import dev.cwlifecycle.store.DirectoryEntry.Source;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.testing.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbMemberDirectoryTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);

    private final RequestLog requests = new RequestLog();
    private final DynamoDbClient dynamo = DynamoDbLocalExtension.newClient(requests);
    private final DynamoDbMemberDirectory directory = new DynamoDbMemberDirectory(dynamo,
            DynamoDbLocalExtension.storeConfig(Map.of("cw.store.directory-page-size", "10", "cw.store.directory-write-parallelism", "4")),
            new MovableClock());
    private final String tenant = "t-" + UUID.randomUUID();

    @AfterEach
    void close() {
        directory.close();
        dynamo.close();
    }

    @Test
    void givenNoEntry_whenUpserted_thenItReadsBackWithTheEmailLowerCased() {
        DirectoryEntry entry = member(7, "JDoe@Example.COM", T1);

        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(entry));

        DirectoryEntry stored = directory.get(tenant, 7).orElseThrow();
        assertEquals(entry, stored);
        assertEquals("jdoe@example.com", stored.officeEmail());
        assertEquals(Optional.empty(), directory.get(tenant, 8));
    }

    @Test
    void givenANewerEntry_whenAnOlderOrEqualOneIsUpserted_thenItIsUnchanged() {
        directory.upsertIfNewer(member(7, "new@example.com", T2));

        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "old@example.com", T1)));
        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "same-time@example.com", T2)));
        assertEquals("new@example.com", directory.get(tenant, 7).orElseThrow().officeEmail());
        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(7, "newest@example.com", T3)));
    }

    @Test
    void givenInterleavedWriters_whenEachWritesItsVersionsOfTheSameMembers_thenTheNewestVersionOfEachWins() throws Exception {
        List<DirectoryEntry> versions = new ArrayList<>();
        for (long memberId = 1; memberId <= 3; memberId++) {
            for (int version = 0; version < 12; version++) {
                versions.add(member(memberId, "v" + version + "@example.com", T1.plusSeconds(version)));
            }
        }
        Collections.shuffle(versions);

        List<UpsertOutcome> outcomes = Race.run(versions.size(), i -> () -> directory.upsertIfNewer(versions.get(i)));

        for (long memberId = 1; memberId <= 3; memberId++) {
            DirectoryEntry stored = directory.get(tenant, memberId).orElseThrow();
            assertEquals("v11@example.com", stored.officeEmail());
            assertEquals(T1.plusSeconds(11), stored.lastUpdated());
        }
        assertTrue(outcomes.contains(UpsertOutcome.UNCHANGED), "some writers must have lost to newer data");
    }

    @Test
    void givenATombstone_whenAnOlderOrEqualLiveRecordIsUpserted_thenTheTombstoneSurvivesUntilAStrictlyNewerOne() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T1));
        assertTrue(directory.tombstone(tenant, 7, T2));

        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "jdoe@example.com", T1.plusSeconds(30))));
        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "jdoe@example.com", T2)));
        DirectoryEntry tombstone = directory.get(tenant, 7).orElseThrow();
        assertTrue(tombstone.deleted());
        assertEquals(T2, tombstone.lastUpdated());

        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(7, "jdoe@example.com", T3)));
        assertFalse(directory.get(tenant, 7).orElseThrow().deleted());
    }

    @Test
    void givenAPendingTombstone_whenARecordAsOldAsTheTombstoneArrives_thenItStaysDeleted() {
        directory.tombstone(tenant, 7, T2);
        directory.markPending(tenant, 7, T3);

        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "jdoe@example.com", T2)));
        assertTrue(directory.get(tenant, 7).orElseThrow().deleted());
    }

    @Test
    void givenALiveEntry_whenTombstonedAtItsOwnLastUpdated_thenTheDeleteWinsTheTie() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T1));

        assertTrue(directory.tombstone(tenant, 7, T1));
        assertTrue(directory.get(tenant, 7).orElseThrow().deleted());
    }

    @Test
    void givenADeleteSeenBeforeTheCreate_whenTheOlderCreateArrives_thenTheMemberStaysDeleted() {
        assertTrue(directory.tombstone(tenant, 9, T2));

        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(9, "late@example.com", T1)));
        assertTrue(directory.get(tenant, 9).orElseThrow().deleted());
    }

    @Test
    void givenNewerData_whenATombstoneFromBeforeItArrives_thenItIsRefused() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T2));

        assertFalse(directory.tombstone(tenant, 7, T1));
        assertFalse(directory.get(tenant, 7).orElseThrow().deleted());
    }

    @Test
    void givenACallbackThatCouldNotBeApplied_whenMarkedPending_thenItIsListedUntilASyncRefreshesIt() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T1));
        assertTrue(directory.markPending(tenant, 7, T2));
        assertTrue(directory.markPending(tenant, 8, T2));

        assertEquals(List.of(7L, 8L), directory.pendingMemberIds(tenant));
        DirectoryEntry flagged = directory.get(tenant, 7).orElseThrow();
        assertTrue(flagged.pending());
        assertEquals("jdoe@example.com", flagged.officeEmail());

        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(7, "jdoe@example.com", T1)));
        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(8, "asmith@example.com", T1)));
        assertEquals(List.of(), directory.pendingMemberIds(tenant));
    }

    @Test
    void givenDataAtLeastAsNewAsTheCallback_whenMarkedPending_thenItIsNotFlagged() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T2));

        assertFalse(directory.markPending(tenant, 7, T2));

        assertFalse(directory.get(tenant, 7).orElseThrow().pending());
        assertEquals(List.of(), directory.pendingMemberIds(tenant));
    }

    @Test
    void givenSomeMembersFlagged_whenPendingIsListed_thenOnlyTheFlaggedOnesAreInThePendingIndex() {
        directory.upsertAllIfNewer(LongStream.rangeClosed(1, 5).mapToObj(id -> member(id, null, T1)).toList());
        assertTrue(directory.markPending("t-" + UUID.randomUUID(), 6, T2));
        assertTrue(directory.markPending(tenant, 2, T2));
        assertTrue(directory.markPending(tenant, 4, T2));
        assertTrue(directory.markPending(tenant, 9, T2));

        assertEquals(List.of(2L, 4L, 9L), pendingReadFromTheIndex());
        assertFalse(directory.get(tenant, 1).orElseThrow().pending());
    }

    @Test
    void givenFlaggedMembers_whenNewerDataOrATombstoneLands_thenTheyLeaveThePendingIndex() {
        directory.upsertAllIfNewer(List.of(member(1, null, T1), member(2, null, T1), member(3, null, T1)));
        List.of(1L, 2L, 3L).forEach(id -> assertTrue(directory.markPending(tenant, id, T2)));

        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(1, null, T3)));
        assertTrue(directory.tombstone(tenant, 2, T3));

        assertEquals(List.of(3L), pendingReadFromTheIndex());
        assertFalse(directory.get(tenant, 1).orElseThrow().pending());
        DirectoryEntry tombstone = directory.get(tenant, 2).orElseThrow();
        assertTrue(tombstone.deleted());
        assertFalse(tombstone.pending());
    }

    @Test
    void givenAFlaggedMember_whenOlderDataOrAnOlderTombstoneIsRefused_thenItStaysInThePendingIndex() {
        directory.upsertIfNewer(member(7, "jdoe@example.com", T2));
        assertTrue(directory.markPending(tenant, 7, T3));

        assertEquals(UpsertOutcome.UNCHANGED, directory.upsertIfNewer(member(7, "old@example.com", T1)));
        assertFalse(directory.tombstone(tenant, 7, T1));

        assertEquals(List.of(7L), pendingReadFromTheIndex());
        assertTrue(directory.get(tenant, 7).orElseThrow().pending());
    }

    @Test
    void givenAFlaggedEntryReadBack_whenItIsWrittenAgainAsIs_thenItStaysInThePendingIndex() {
        directory.upsertIfNewer(member(7, null, T1));
        assertTrue(directory.markPending(tenant, 7, T2));
        DirectoryEntry flagged = directory.get(tenant, 7).orElseThrow();

        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(flagged));

        assertEquals(List.of(7L), pendingReadFromTheIndex());
    }

    @Test
    void givenAThousandUnflaggedMembersAndTwoFlagged_whenPendingIsListed_thenOnlyTheTwoAreRead() {
        directory.upsertAllIfNewer(LongStream.rangeClosed(1, 1_000).mapToObj(id -> member(id, null, T1)).toList());
        assertTrue(directory.markPending(tenant, 17, T2));
        assertTrue(directory.markPending(tenant, 1_001, T2));
        int before = requests.received(QueryResponse.class).size();

        assertEquals(List.of(17L, 1_001L), directory.pendingMemberIds(tenant));

        List<QueryResponse> answers = requests.received(QueryResponse.class);
        assertEquals(2, answers.subList(before, answers.size()).stream().mapToInt(QueryResponse::scannedCount).sum(),
                "DynamoDB must read the flagged members only, not the tenant's whole partition");
    }

    @Test
    void givenMembersWithEmails_whenLookedUpByEmailInAnyCase_thenOnlyThisTenantsMatchesReturn() {
        String otherTenant = "t-" + UUID.randomUUID();
        directory.upsertIfNewer(member(1, "Shared@Example.com", T1));
        directory.upsertIfNewer(member(2, "shared@example.com", T1));
        directory.upsertIfNewer(member(3, "other@example.com", T1));
        directory.upsertIfNewer(member(4, null, T1));
        directory.upsertIfNewer(entry(otherTenant, 1, "shared@example.com", T1));

        List<Long> found = directory.findByEmail(tenant, "SHARED@example.com").stream().map(DirectoryEntry::memberId).sorted().toList();

        assertEquals(List.of(1L, 2L), found);
        assertEquals(List.of(), directory.findByEmail(tenant, "nobody@example.com"));
    }

    @Test
    void givenMoreMembersThanOnePage_whenScanned_thenEveryEntryStreamsAndPagesAreReadOnlyAsConsumed() {
        directory.upsertAllIfNewer(IntStream.rangeClosed(1, 35).mapToObj(id -> member(id, null, T1)).toList());

        int before = requests.sent(QueryRequest.class).size();
        try (Stream<DirectoryEntry> firstFew = directory.scan(tenant)) {
            assertEquals(5, firstFew.limit(5).count());
        }
        assertEquals(1, requests.sent(QueryRequest.class).size() - before, "taking 5 entries must read one page of 10, no more");

        before = requests.sent(QueryRequest.class).size();
        List<Long> all = directory.scan(tenant).map(DirectoryEntry::memberId).toList();
        assertEquals(LongStream.rangeClosed(1, 35).boxed().toList(), all);
        assertEquals(4, requests.sent(QueryRequest.class).size() - before, "35 entries in pages of 10");
    }

    @Test
    void givenAPageOfMembers_whenUpsertedTogether_thenWritesRunInParallelWithinTheBoundAndOutcomesAreCounted() {
        List<DirectoryEntry> page = IntStream.rangeClosed(1, 60).mapToObj(id -> member(id, "m" + id + "@example.com", T2)).toList();
        directory.upsertIfNewer(member(1, "newer@example.com", T3));

        Map<UpsertOutcome, Integer> outcomes = directory.upsertAllIfNewer(page);

        assertEquals(Map.of(UpsertOutcome.UPSERTED, 59, UpsertOutcome.UNCHANGED, 1), outcomes);
        assertEquals(61, requests.sent(PutItemRequest.class).size());
        assertTrue(requests.maxInFlight() > 1, "page writes must overlap");
        assertTrue(requests.maxInFlight() <= 4, "no more writes in flight than the configured parallelism");
        assertEquals(Map.of(UpsertOutcome.UPSERTED, 0, UpsertOutcome.UNCHANGED, 60), directory.upsertAllIfNewer(page));
        assertEquals("newer@example.com", directory.get(tenant, 1).orElseThrow().officeEmail());
    }

    @Test
    void givenMembersAbsentFromTheDirectory_whenInserted_thenTheyGoInBatchesOf25WithoutAConditionalPut() {
        List<DirectoryEntry> absent = IntStream.rangeClosed(1, 60).mapToObj(id -> member(id, "m" + id + "@example.com", T1)).toList();

        int written = directory.insertAbsent(absent);

        assertEquals(60, written);
        List<BatchWriteItemRequest> batches = requests.sent(BatchWriteItemRequest.class);
        assertEquals(List.of(25, 25, 10), batches.stream()
                .map(batch -> batch.requestItems().values().stream().mapToInt(List::size).sum()).sorted(Collections.reverseOrder()).toList());
        assertEquals(0, requests.sent(PutItemRequest.class).size());
        assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(), directory.scan(tenant).map(DirectoryEntry::memberId).toList());
        assertEquals("m60@example.com", directory.get(tenant, 60).orElseThrow().officeEmail());
        assertEquals(List.of(60L), directory.findByEmail(tenant, "M60@example.com").stream().map(DirectoryEntry::memberId).toList());
    }

    @Test
    void givenARowWrittenSinceTheReadThatFoundItAbsent_whenInserted_thenTheInsertReplacesItAndTheNextConditionalWriteRestoresIt() {
        // GIVEN a callback's newer row landed after a full run read the member as absent
        directory.upsertIfNewer(member(7, "callback@example.com", T3));

        // WHEN the run's batch writes its older page data
        directory.insertAbsent(List.of(member(7, "page@example.com", T1)));

        // THEN the batch wrote unconditionally; the change the callback carried comes again with the next incremental
        // run (it was made after the full run's start), whose conditional write wins over the page's older stamp
        assertEquals("page@example.com", directory.get(tenant, 7).orElseThrow().officeEmail());
        assertEquals(UpsertOutcome.UPSERTED, directory.upsertIfNewer(member(7, "callback@example.com", T3)));
        assertEquals("callback@example.com", directory.get(tenant, 7).orElseThrow().officeEmail());
    }

    /** {@link MemberDirectory#pendingMemberIds}, asserting that it asked the pending index and nothing else. */
    private List<Long> pendingReadFromTheIndex() {
        int before = requests.sent(QueryRequest.class).size();
        List<Long> pending = directory.pendingMemberIds(tenant);
        List<QueryRequest> queries = requests.sent(QueryRequest.class);
        queries.subList(before, queries.size()).forEach(query -> assertEquals(Tables.DIRECTORY_PENDING_INDEX, query.indexName()));
        return pending;
    }

    private DirectoryEntry member(long memberId, String email, Instant lastUpdated) {
        return entry(tenant, memberId, email, lastUpdated);
    }

    private static DirectoryEntry entry(String tenant, long memberId, String email, Instant lastUpdated) {
        return new DirectoryEntry(tenant, memberId, "member" + memberId, "First" + memberId, "Last" + memberId, email,
                "Technician", "F", true, lastUpdated, Source.SYNC, false, false);
    }
}
