package dev.cwlifecycle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.cwlifecycle.store.Tables.IDEMPOTENCY_EXPIRES_AT;
import static dev.cwlifecycle.store.Tables.IDEMPOTENCY_ID;

/**
 * Idempotency records in DynamoDB, after Powertools: one conditional put claims a key that is absent,
 * expired or held by a dead attempt; a refused put returns the record it lost to, so no extra read.
 * EXPIRED is derived from the timestamps and never stored; nothing is cached locally.
 */
@ApplicationScoped
public class DynamoDbIdempotencyStore implements IdempotencyStore {

    private static final String CLAIM_CONDITION =
            "attribute_not_exists(id) OR expiresAt < :now OR (#status = :inProgress AND inProgressUntil < :nowMillis)";
    private static final String ABANDON_CONDITION = "#status = :inProgress";

    private static final String STATUS = "status";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";
    private static final String PAYLOAD_HASH = "payloadHash";
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
        Map<String, AttributeValue> item = record(key, IN_PROGRESS, payloadHash, now);
        item.put(IN_PROGRESS_UNTIL, number(inProgressUntil.toEpochMilli()));
        try {
            dynamo.putItem(put -> put.tableName(config.idempotencyTable())
                    .item(item)
                    .conditionExpression(CLAIM_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(
                            ":now", number(now.getEpochSecond()),
                            ":nowMillis", number(now.toEpochMilli()),
                            ":inProgress", IN_PROGRESS_VALUE))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Started();
        } catch (ConditionalCheckFailedException taken) {
            return claimHeldBy(taken.item(), payloadHash);
        }
    }

    @Override
    public void complete(IdempotencyKey key, String payloadHash, StoredResponse response, Instant now) {
        Map<String, AttributeValue> item = record(key, COMPLETED, payloadHash, now);
        item.put(RESPONSE_STATUS, number(response.status()));
        item.put(RESPONSE_HEADERS, AttributeValue.fromM(response.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, header -> AttributeValue.fromS(header.getValue())))));
        if (response.body() != null) {
            item.put(RESPONSE_BODY, AttributeValue.fromS(response.body()));
        }
        // unconditional, as in Powertools: no other attempt can claim the key while this one is alive,
        // because the IN_PROGRESS expiry is the function timeout
        dynamo.putItem(put -> put.tableName(config.idempotencyTable()).item(item));
    }

    @Override
    public void abandon(IdempotencyKey key) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(config.idempotencyTable())
                    .key(Map.of(IDEMPOTENCY_ID, AttributeValue.fromS(key.id())))
                    .conditionExpression(ABANDON_CONDITION)
                    .expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(":inProgress", IN_PROGRESS_VALUE)));
        } catch (ConditionalCheckFailedException completedOrGone) {
            // a completed response stays replayable; an absent record needs no clean-up
        }
    }

    private Map<String, AttributeValue> record(IdempotencyKey key, String status, String payloadHash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(IDEMPOTENCY_ID, AttributeValue.fromS(key.id()));
        item.put(Tables.TENANT, AttributeValue.fromS(key.tenant()));
        item.put("operation", AttributeValue.fromS(key.operation()));
        item.put(STATUS, AttributeValue.fromS(status));
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
