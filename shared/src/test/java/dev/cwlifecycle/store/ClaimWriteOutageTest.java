package dev.cwlifecycle.store;

import dev.cwlifecycle.store.DynamoDbFaults.When;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** DynamoDB losing the answer to a claim it applied; the AWS SDK's retry then finds the claim in place. */
@ExtendWith(DynamoDbLocalExtension.class)
class ClaimWriteOutageTest {

    private final DynamoDbFaults faults = new DynamoDbFaults(DynamoDbLocalExtension.storeConfig().maxAttempts());
    private final IdempotencyStore store = new DynamoDbIdempotencyStore(faults.client(), DynamoDbLocalExtension.storeConfig());
    private final IdempotencyKey key = new IdempotencyKey("t-" + UUID.randomUUID(), "member-lease", "131");

    @AfterEach
    void closeRelay() {
        faults.close();
    }

    @Test
    void givenTheAnswerToAnAppliedClaimIsLost_whenBeginning_thenTheRetryRecognisesItsOwnClaimAndAsksForARead() {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        faults.fail("PutItem", When.AFTER_APPLYING, 1);

        Claim.Started started = assertInstanceOf(Claim.Started.class,
                store.begin(key, IdempotencyStore.payloadHash("{}"), now));

        assertEquals(2, faults.seen("PutItem"));
        assertEquals(started.attempt(), storedItem().get("attempt").s());
        assertEquals(now, started.released(), "what the lost put replaced is unknown: the holder reads again");
    }

    private Map<String, AttributeValue> storedItem() {
        return DynamoDbLocalExtension.client().getItem(get -> get.tableName("cw-lifecycle-idempotency")
                .key(Map.of("id", AttributeValue.fromS(key.id())))
                .consistentRead(true)).item();
    }
}
