package dev.cwlifecycle.store;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.store.DynamoDbFaults.When;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DynamoDB failing the write of a completed response (injected on the wire in front of DynamoDB Local), ridden out
 * by the AWS SDK's retry strategy as configured for production (three attempts), not by the store.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class ResponseWriteOutageTest {

    private static final StoredResponse CREATED = new StoredResponse(201, Map.of("Location", "/members/jdoe"), "{}");

    private final DynamoDbFaults faults = new DynamoDbFaults(DynamoDbLocalExtension.storeConfig().maxAttempts());
    private final IdempotencyStore store = new DynamoDbIdempotencyStore(faults.client(), DynamoDbLocalExtension.storeConfig());
    private final IdempotencyKey key = new IdempotencyKey("t-" + UUID.randomUUID(), "provision", "ticket-4712");
    private final String payload = IdempotencyStore.payloadHash("{\"identifier\":\"jdoe\"}");

    @AfterEach
    void closeRelay() {
        faults.close();
    }

    @Test
    void givenDynamoDbFailsTwoWritesOfTheResponse_whenCompleting_thenTheThirdTryStoresIt() {
        Claim.Started started = assertInstanceOf(Claim.Started.class, store.begin(key, payload, Instant.now()));
        faults.fail("PutItem", When.BEFORE_APPLYING, 2);

        assertTrue(store.complete(key, started, payload, CREATED, Instant.now()));

        assertEquals(1 + 3, faults.seen("PutItem"));
        assertEquals("COMPLETED", storedItem().get("status").s());
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, Instant.now()));
    }

    @Test
    void givenTheAnswerToAnAppliedWriteIsLost_whenCompleting_thenTheRetryRecognisesItsOwnRecord() {
        Claim.Started started = assertInstanceOf(Claim.Started.class, store.begin(key, payload, Instant.now()));
        faults.fail("PutItem", When.AFTER_APPLYING, 1);

        assertTrue(store.complete(key, started, payload, CREATED, Instant.now()));

        assertEquals(1 + 2, faults.seen("PutItem"));
        assertEquals(new Claim.Completed(CREATED), store.begin(key, payload, Instant.now()));
    }

    @Test
    void givenDynamoDbKeepsFailingTheResponseWrite_whenCompleting_thenItGivesUpAfterThreeTries() {
        Claim.Started started = assertInstanceOf(Claim.Started.class, store.begin(key, payload, Instant.now()));
        faults.fail("PutItem", When.BEFORE_APPLYING, Integer.MAX_VALUE);

        assertThrows(DynamoDbException.class, () -> store.complete(key, started, payload, CREATED, Instant.now()));

        assertEquals(1 + 3, faults.seen("PutItem"));
        assertEquals("IN_PROGRESS", storedItem().get("status").s());
    }

    @Test
    void givenTheResponseCannotBeStored_whenARequestSucceeds_thenTheCallerGetsItAndTheKeyIsReleasedForARetry() {
        IdempotentRequests requests = new IdempotentRequests(store, Clock.systemUTC());

        APIGatewayV2HTTPResponse response = requests.run(key, "{\"identifier\":\"jdoe\"}", () -> {
            faults.fail("PutItem", When.BEFORE_APPLYING, Integer.MAX_VALUE);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody("{}").build();
        });

        assertEquals(201, response.getStatusCode());
        assertEquals(1, faults.seen("DeleteItem"));
        assertTrue(storedItem().isEmpty(), "the claim is released, not left IN_PROGRESS until it expires");
        faults.fail("PutItem", When.BEFORE_APPLYING, 0);
        assertInstanceOf(Claim.Started.class, store.begin(key, payload, Instant.now()));
    }

    private Map<String, AttributeValue> storedItem() {
        return DynamoDbLocalExtension.client().getItem(get -> get.tableName("cw-lifecycle-idempotency")
                .key(Map.of("id", AttributeValue.fromS(key.id())))
                .consistentRead(true)).item();
    }
}
