package dev.cwlifecycle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.cwlifecycle.store.Tables.IDEMPOTENCY_EXPIRES_AT;
import static dev.cwlifecycle.store.Tables.IDEMPOTENCY_ID;

/**
 * Idempotency records in DynamoDB, after Powertools: one conditional put claims a key that is absent,
 * expired or held by a dead attempt; a refused put returns the record it lost to, so no extra read.
 * EXPIRED is derived from the timestamps and never stored; nothing is cached locally. Each claim carries a
 * random attempt token, and completing or abandoning is conditional on it: an attempt that outlived its expiry
 * cannot overwrite or delete the record of the attempt that took its key over.
 */
@ApplicationScoped
public class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final String CLAIM_CONDITION = "attribute_not_exists(id) OR expiresAt < :now OR #status = :released"
            + " OR (#status = :inProgress AND inProgressUntil < :nowMillis)";
    private static final String HELD_CONDITION = "#status = :inProgress AND attempt = :attempt";

    private static final String STATUS = "status";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    private static final String RELEASED = "RELEASED";
    private static final String RELEASED_AT = "releasedAt";
    private static final String PAYLOAD_HASH = "payloadHash";
    private static final String ATTEMPT = "attempt";
    private static final String IN_PROGRESS_UNTIL = "inProgressUntil";
    private static final String RESPONSE_STATUS = "responseStatus";
    private static final String RESPONSE_HEADERS = "responseHeaders";
    private static final String RESPONSE_BODY = "responseBody";
    private static final Map<String, String> STATUS_NAME = Map.of("#status", STATUS);
    private static final AttributeValue IN_PROGRESS_VALUE = AttributeValue.fromS(IN_PROGRESS);

    private final DynamoDbClient dynamo;
    private final StoreConfig config;

    @Inject
    public DynamoDbIdempotencyStore(DynamoDbClient dynamo, StoreConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public Claim begin(IdempotencyKey key, String payloadHash, Instant now) {
        Instant inProgressUntil = now.plus(config.functionTimeout());
        String attempt = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = record(key, IN_PROGRESS, attempt, payloadHash, now);
        item.put(IN_PROGRESS_UNTIL, number(inProgressUntil.toEpochMilli()));
        try {
            Map<String, AttributeValue> old = dynamo.putItem(put -> put.tableName(config.idempotencyTable())
                    .item(item)
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(
                            ":now", number(now.getEpochSecond()),
                            ":nowMillis", number(now.toEpochMilli()),
                            ":inProgress", IN_PROGRESS_VALUE,
                            ":released", AttributeValue.fromS(RELEASED)))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            boolean released = old != null && AttributeValue.fromS(RELEASED).equals(old.get(STATUS));
            return new Claim.Started(attempt,
                    released ? Instant.ofEpochMilli(Long.parseLong(old.get(RELEASED_AT).n())) : null);
        } catch (ConditionalCheckFailedException taken) {
            if (AttributeValue.fromS(attempt).equals(taken.item().get(ATTEMPT))) {
                // our own claim: the SDK retried a put whose answer was lost; what it replaced is unknown, so the
                // holder is told of a release just now and reads again what it read before
                return new Claim.Started(attempt, now);
            }
            return claimHeldBy(taken.item(), payloadHash);
        }
    }

    @Override
    public boolean complete(IdempotencyKey key, Claim.Started started, String payloadHash, StoredResponse response,
                            Instant now) {
        Map<String, AttributeValue> item = record(key, COMPLETED, started.attempt(), payloadHash, now);
        item.put(RESPONSE_STATUS, number(response.status()));
        item.put(RESPONSE_HEADERS, AttributeValue.fromM(response.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, header -> AttributeValue.fromS(header.getValue())))));
        if (response.body() != null) {
            item.put(RESPONSE_BODY, AttributeValue.fromS(response.body()));
        }
        try {
            dynamo.putItem(put -> put.tableName(config.idempotencyTable())
                    .item(item)
                    .conditionExpression(HELD_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(heldBy(started))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException notHeld) {
            // already this attempt's COMPLETED record: the SDK retried a write whose answer was lost
            Map<String, AttributeValue> held = notHeld.hasItem() ? notHeld.item() : Map.of();
            return AttributeValue.fromS(COMPLETED).equals(held.get(STATUS))
                    && AttributeValue.fromS(started.attempt()).equals(held.get(ATTEMPT));
        }
    }

    @Override
    public boolean abandon(IdempotencyKey key, Claim.Started started) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(config.idempotencyTable())
                    .key(Map.of(IDEMPOTENCY_ID, AttributeValue.fromS(key.id())))
                    .conditionExpression(HELD_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(heldBy(started)));
            return true;
        } catch (ConditionalCheckFailedException completedGoneOrTakenOver) {
            return false;
        }
    }

    /** The mark lives as long as an IN_PROGRESS record could: no read that predates the release outlives it. */
    @Override
    public boolean release(IdempotencyKey key, Claim.Started started, Instant now) {
        Map<String, AttributeValue> item = record(key, RELEASED, started.attempt(), RELEASED, now);
        item.put(RELEASED_AT, number(now.toEpochMilli()));
        item.put(IDEMPOTENCY_EXPIRES_AT, number(now.plus(config.functionTimeout()).getEpochSecond()));
        try {
            dynamo.putItem(put -> put.tableName(config.idempotencyTable())
                    .item(item)
                    .conditionExpression(HELD_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(heldBy(started)));
            return true;
        } catch (ConditionalCheckFailedException notHeld) {
            return false;
        }
    }

    private static Map<String, AttributeValue> heldBy(Claim.Started started) {
        return Map.of(":inProgress", IN_PROGRESS_VALUE, ":attempt", AttributeValue.fromS(started.attempt()));
    }

    private Map<String, AttributeValue> record(IdempotencyKey key, String status, String attempt, String payloadHash,
                                               Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IDEMPOTENCY_ID, AttributeValue.fromS(key.id()));
        item.put(Tables.TENANT, AttributeValue.fromS(key.tenant()));
        item.put("operation", AttributeValue.fromS(key.operation()));
        item.put(STATUS, AttributeValue.fromS(status));
        item.put(ATTEMPT, AttributeValue.fromS(attempt));
        item.put(PAYLOAD_HASH, AttributeValue.fromS(payloadHash));
        item.put(IDEMPOTENCY_EXPIRES_AT, number(now.plus(config.idempotencyTtl()).getEpochSecond()));
        return item;
    }

    private static Claim claimHeldBy(Map<String, AttributeValue> held, String payloadHash) {
        if (!payloadHash.equals(held.get(PAYLOAD_HASH).s())) {
            return new Claim.PayloadMismatch();
        }
        if (COMPLETED.equals(held.get(STATUS).s())) {
            return new Claim.Completed(new StoredResponse(
                    Integer.parseInt(held.get(RESPONSE_STATUS).n()),
                    held.get(RESPONSE_HEADERS).m().entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, header -> header.getValue().s())),
                    held.containsKey(RESPONSE_BODY) ? held.get(RESPONSE_BODY).s() : null));
        }
        return new Claim.InProgress(Instant.ofEpochMilli(Long.parseLong(held.get(IN_PROGRESS_UNTIL).n())));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
