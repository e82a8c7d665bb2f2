package dev.cwlifecycle.store;

import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import dev.cwlifecycle.testing.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbIdempotencyStoreTest {

    private static final StoredResponse CREATED = new StoredResponse(201,
            Map.of("Content-Type", "application/json", "Location", "/members/jdoe"), "{\"identifier\":\"jdoe\"}");

    private final DynamoDbClient dynamo = DynamoDbLocalExtension.client();
    private final IdempotencyStore store = new DynamoDbIdempotencyStore(dynamo, DynamoDbLocalExtension.storeConfig());
    // close to the wall clock: DynamoDB Local's TTL really deletes records whose expiresAt has passed
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final IdempotencyKey key = new IdempotencyKey("t-" + UUID.randomUUID(), "provision", "ticket-4711");
    private final String payload = IdempotencyStore.payloadHash("{\"identifier\":\"jdoe\"}");

    @Test
    void givenNoRecord_whenBegin_thenStartedAndAnInProgressRecordWithBothExpiriesIsStored() {
        Claim claim = store.begin(key, payload, now);

        Claim.Started started = assertInstanceOf(Claim.Started.class, claim);
        Map<String, AttributeValue> item = storedItem();
        assertEquals(key.tenant() + "#provision#ticket-4711", item.get("id").s());
        assertEquals(started.attempt(), item.get("attempt").s());
        assertEquals(UUID.fromString(started.attempt()).toString(), started.attempt());
        assertEquals("IN_PROGRESS", item.get("status").s());
        assertEquals(payload, item.get("payloadHash").s());
        assertEquals(Long.toString(now.plusSeconds(30).toEpochMilli()), item.get("inProgressUntil").n());
        assertEquals(Long.toString(now.plus(Duration.ofHours(24)).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void givenARunningAttempt_whenASecondBeginConflicts_thenOneConditionalPutAnswersItWithoutAnExtraRead() {
        RequestLog requests = new RequestLog();
        try (DynamoDbClient counted = DynamoDbLocalExtension.newClient(requests)) {
            IdempotencyStore countedStore = new DynamoDbIdempotencyStore(counted, DynamoDbLocalExtension.storeConfig());
            countedStore.begin(key, payload, now);

            Claim claim = countedStore.begin(key, payload, now.plusSeconds(1));

            assertEquals(new Claim.InProgress(now.plusSeconds(30)), claim);
            assertEquals(2, requests.total());
            PutItemRequest conflicting = requests.sent(PutItemRequest.class).get(1);
            // a lease let go (RELEASED, issue 13) is claimable at once, like an absent record
            assertEquals("attribute_not_exists(id) OR expiresAt < :now OR #status = :released"
                    + " OR (#status = :inProgress AND inProgressUntil < :nowMillis)", conflicting.conditionExpression());
            assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, conflicting.returnValuesOnConditionCheckFailure());
            assertEquals(Long.toString(now.plusSeconds(1).getEpochSecond()), conflicting.expressionAttributeValues().get(":now").n());
            assertEquals(Long.toString(now.plusSeconds(1).toEpochMilli()), conflicting.expressionAttributeValues().get(":nowMillis").n());
        }
    }

    @Test
    void given32ThreadsRacingOnOneKey_whenEachBegins_thenExactlyOneStartsAndTheOthersSeeItRunningOrItsReplay() throws Exception {
        List<Claim> claims = Race.run(32, thread -> () -> {
            Claim claim = store.begin(key, payload, Instant.now());
            if (claim instanceof Claim.Started started) {
                store.complete(key, started, payload, CREATED, Instant.now());
            }
            return claim;
        });

        assertEquals(1, claims.stream().filter(Claim.Started.class::isInstance).count());
        for (Claim claim : claims) {
            if (claim instanceof Claim.InProgress inProgress) {
                assertTrue(inProgress.until().isAfter(now));
            } else if (!(claim instanceof Claim.Started)) {
                assertEquals(new Claim.Completed(CREATED), claim);
            }
        }
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, Instant.now()));
    }

    @Test
    void givenACompletedRequest_whenTheSamePayloadComesAgain_thenTheStoredResponseIsReplayed() {
        Claim.Started started = started(now);
        assertTrue(store.complete(key, started, payload, CREATED, now.plusSeconds(2)));

        Claim claim = store.begin(key, payload, now.plusSeconds(60));

        assertEquals(new Claim.Completed(CREATED), claim);
        assertEquals("COMPLETED", storedItem().get("status").s());
        assertFalse(storedItem().containsKey("inProgressUntil"));
    }

    @Test
    void givenARequestInProgress_whenAnotherPayloadUsesTheKey_thenPayloadMismatch() {
        store.begin(key, payload, now);

        Claim claim = store.begin(key, IdempotencyStore.payloadHash("{\"identifier\":\"other\"}"), now.plusSeconds(1));

        assertInstanceOf(Claim.PayloadMismatch.class, claim);
    }

    @Test
    void givenACompletedRequest_whenAnotherPayloadUsesTheKey_thenPayloadMismatchAndTheRecordIsKept() {
        Claim.Started started = started(now);
        store.complete(key, started, payload, CREATED, now);

        Claim claim = store.begin(key, IdempotencyStore.payloadHash("{}"), now.plusSeconds(1));

        assertInstanceOf(Claim.PayloadMismatch.class, claim);
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, now.plusSeconds(2)));
    }

    @Test
    void givenARequestInProgress_whenRetriedWithinTheFunctionTimeout_thenInProgressUntilThatTimeout() {
        store.begin(key, payload, now);

        Claim claim = store.begin(key, payload, now.plusSeconds(29));

        assertEquals(new Claim.InProgress(now.plusSeconds(30)), claim);
    }

    @Test
    void givenAnAttemptThatOutlivedTheFunctionTimeout_whenRetried_thenTheRetryTakesTheKeyOver() {
        store.begin(key, payload, now);

        Claim claim = store.begin(key, payload, now.plusSeconds(31));

        assertInstanceOf(Claim.Started.class, claim);
        assertEquals(Long.toString(now.plusSeconds(61).toEpochMilli()), storedItem().get("inProgressUntil").n());
    }

    @Test
    void givenAnAttemptWhoseKeyWasTakenOver_whenTheStaleAttemptCompletes_thenNothingChanges() {
        Claim.Started stale = started(now);
        Claim.Started current = started(now.plusSeconds(31));
        Map<String, AttributeValue> before = storedItem();

        assertFalse(store.complete(key, stale, payload, CREATED, now.plusSeconds(32)));

        assertEquals(before, storedItem());
        assertEquals(current.attempt(), storedItem().get("attempt").s());
        assertTrue(store.complete(key, current, payload, CREATED, now.plusSeconds(33)));
    }

    @Test
    void givenAnAttemptWhoseKeyWasTakenOver_whenTheStaleAttemptAbandons_thenTheNewAttemptKeepsItsClaim() {
        Claim.Started stale = started(now);
        Claim.Started current = started(now.plusSeconds(31));
        Map<String, AttributeValue> before = storedItem();

        assertFalse(store.abandon(key, stale));

        assertEquals(before, storedItem());
        assertEquals(new Claim.InProgress(now.plusSeconds(61)), store.begin(key, payload, now.plusSeconds(32)));
        assertTrue(store.abandon(key, current));
    }

    @Test
    void givenAnAttemptWhoseRecordVanished_whenItCompletes_thenFalseAndNothingIsWritten() {
        Claim.Started started = started(now);
        dynamo.deleteItem(delete -> delete.tableName("cw-lifecycle-idempotency")
                .key(Map.of("id", AttributeValue.fromS(key.id()))));

        assertFalse(store.complete(key, started, payload, CREATED, now.plusSeconds(1)));

        assertTrue(storedItem().isEmpty());
    }

    @Test
    void givenATakenOverAttemptThatCompleted_whenTheStaleAttemptAbandonsOrCompletes_thenTheResponseStays() {
        Claim.Started stale = started(now);
        Claim.Started current = started(now.plusSeconds(31));
        store.complete(key, current, payload, CREATED, now.plusSeconds(32));
        Map<String, AttributeValue> before = storedItem();

        assertFalse(store.abandon(key, stale));
        assertFalse(store.complete(key, stale, payload, new StoredResponse(200, Map.of(), "stale"), now.plusSeconds(33)));

        assertEquals(before, storedItem());
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, now.plusSeconds(34)));
    }

    @Test
    void given16ThreadsTakingOverADeadAttempt_whenEachBegins_thenExactlyOneWinsAndOnlyItCanComplete() throws Exception {
        Claim.Started dead = started(now);
        Instant afterTimeout = now.plusSeconds(31);

        List<Claim> claims = Race.run(16, thread -> () -> store.begin(key, payload, afterTimeout));

        List<Claim.Started> winners = claims.stream().filter(Claim.Started.class::isInstance)
                .map(Claim.Started.class::cast).toList();
        assertEquals(1, winners.size());
        assertEquals(15, claims.stream().filter(new Claim.InProgress(now.plusSeconds(61))::equals).count());
        assertEquals(winners.get(0).attempt(), storedItem().get("attempt").s());
        assertFalse(store.complete(key, dead, payload, CREATED, afterTimeout));
        assertTrue(store.complete(key, winners.get(0), payload, CREATED, afterTimeout));
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, afterTimeout));
    }

    @Test
    void givenAShorterConfiguredFunctionTimeout_whenAnAttemptOutlivesIt_thenItIsTakenOverSooner() {
        IdempotencyStore shortLived = new DynamoDbIdempotencyStore(dynamo,
                DynamoDbLocalExtension.storeConfig(Map.of("cw.function-timeout", "PT5S")));
        shortLived.begin(key, payload, now);

        assertEquals(new Claim.InProgress(now.plusSeconds(5)), shortLived.begin(key, payload, now.plusSeconds(4)));
        assertInstanceOf(Claim.Started.class, shortLived.begin(key, payload, now.plusSeconds(6)));
    }

    @Test
    void givenACompletedRecordPastItsTtl_whenAnyPayloadComes_thenItIsTreatedAsAbsent() {
        Claim.Started started = started(now);
        store.complete(key, started, payload, CREATED, now);
        String otherPayload = IdempotencyStore.payloadHash("{\"identifier\":\"new\"}");

        Claim claim = store.begin(key, otherPayload, now.plus(Duration.ofHours(24)).plusSeconds(1));

        assertInstanceOf(Claim.Started.class, claim);
        assertEquals(otherPayload, storedItem().get("payloadHash").s());
        assertEquals("IN_PROGRESS", storedItem().get("status").s());
    }

    @Test
    void givenAFailedAttempt_whenAbandonedAndRetried_thenTheRetryStarts() {
        Claim.Started started = started(now);

        assertTrue(store.abandon(key, started));

        assertTrue(storedItem().isEmpty());
        assertInstanceOf(Claim.Started.class, store.begin(key, payload, now.plusSeconds(1)));
    }

    @Test
    void givenACompletedRequest_whenAbandoned_thenItsResponseIsStillReplayed() {
        Claim.Started started = started(now);
        store.complete(key, started, payload, CREATED, now);

        assertFalse(store.abandon(key, started));

        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, now.plusSeconds(1)));
    }

    @Test
    void givenALeaseLetGo_whenClaimedAgain_thenTheNextHolderStartsAndLearnsWhenItWasLetGo() {
        Claim.Started first = started(now);
        assertEquals(null, first.released(), "never let go before");

        assertTrue(store.release(key, first, now.plusMillis(250)));

        assertEquals("RELEASED", storedItem().get("status").s());
        assertEquals(Long.toString(now.plusSeconds(30).plusMillis(250).getEpochSecond()),
                storedItem().get("expiresAt").n(), "it lives as long as an in-progress claim could");
        Claim.Started next = started(now.plusMillis(300));
        assertEquals(now.plusMillis(250), next.released());
        assertFalse(store.release(key, first, now.plusSeconds(1)), "the first holder holds it no more");
        assertEquals("IN_PROGRESS", storedItem().get("status").s());
    }

    @Test
    void givenAResponseWithoutBodyOrHeaders_whenReplayed_thenItComesBackEmpty() {
        StoredResponse noContent = new StoredResponse(204, null, null);
        store.complete(key, started(now), payload, noContent, now);

        assertEquals(new Claim.Completed(new StoredResponse(204, Map.of(), null)), store.begin(key, payload, now));
    }

    @Test
    void givenInvalidKeys_whenConstructed_thenRefusedWithAClearMessageThatDoesNotEchoTheKey() {
        String tooLong = "k".repeat(256);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new IdempotencyKey("default", "provision", tooLong));
        assertEquals("Idempotency key is 256 characters long; at most 255 are allowed", length.getMessage());

        IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                () -> new IdempotencyKey("default", "provision", "abc\n123"));
        assertEquals("Idempotency key must not contain control characters", control.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("default", "provision", " "));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("a#b", "provision", "k"));
        assertEquals(255, new IdempotencyKey("default", "provision", "k".repeat(255)).clientKey().length());
    }

    @Test
    void givenACanonicalPayload_whenHashed_thenItIsItsSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IdempotencyStore.payloadHash("abc"));
    }

    private Claim.Started started(Instant at) {
        return assertInstanceOf(Claim.Started.class, store.begin(key, payload, at));
    }

    private Map<String, AttributeValue> storedItem() {
        return dynamo.getItem(get -> get.tableName("cw-lifecycle-idempotency")
                .key(Map.of("id", AttributeValue.fromS(key.id())))
                .consistentRead(true)).item();
    }
}
