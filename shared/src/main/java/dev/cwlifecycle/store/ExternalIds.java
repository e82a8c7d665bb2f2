package dev.cwlifecycle.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.cwlifecycle.store.Tables.DIRECTORY_MEMBER_ID;
import static dev.cwlifecycle.store.Tables.TENANT;

/**
 * What an identity provider knows a member by that ConnectWise does not hold: its {@code externalId}, and when the
 * member was created through SCIM. Kept in the directory table beside the member rows, under the partition
 * {@code scim#<tenant>}, so the syncs and callbacks that rewrite member rows whole never touch them, and a tenant's
 * member queries never see them. Finding members by externalId reads that one partition.
 */
@ApplicationScoped
public class ExternalIds {

    private static final String EXTERNAL_ID = "externalId";
    private static final String CREATED = "created";
    /** BatchGetItem's limit. */
    private static final int BATCH = 100;

    /** One member's link: the identity provider's id (null when it sent none) and the creation time. */
    public record Link(long memberId, String externalId, Instant created) {
    }

    private final DynamoDbClient dynamo;
    private final StoreConfig config;

    @Inject
    public ExternalIds(DynamoDbClient dynamo, StoreConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    public void remember(String tenant, Link link) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, link.memberId()));
        if (link.externalId() != null) {
            item.put(EXTERNAL_ID, AttributeValue.fromS(link.externalId()));
        }
        if (link.created() != null) {
            item.put(CREATED, SortableInstant.attribute(link.created()));
        }
        dynamo.putItem(put -> put.tableName(config.directoryTable()).item(item));
    }

    public Optional<Link> of(String tenant, long memberId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(config.directoryTable())
                .key(key(tenant, memberId)).consistentRead(true)).item();
        return item.isEmpty() ? Optional.empty() : Optional.of(link(item));
    }

    /** The links of {@code memberIds} that have one, by member id. */
    public Map<Long, Link> of(String tenant, List<Long> memberIds) {
        Map<Long, Link> links = new HashMap<>();
        for (int from = 0; from < memberIds.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            memberIds.subList(from, Math.min(from + BATCH, memberIds.size()))
                    .forEach(memberId -> keys.add(key(tenant, memberId)));
            Map<String, KeysAndAttributes> unread = Map.of(config.directoryTable(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!unread.isEmpty()) {
                Map<String, KeysAndAttributes> request = unread;
                BatchGetItemResponse answer = dynamo.batchGetItem(get -> get.requestItems(request));
                answer.responses().getOrDefault(config.directoryTable(), List.of()).stream().map(ExternalIds::link)
                        .forEach(link -> links.put(link.memberId(), link));
                unread = answer.unprocessedKeys();
            }
        }
        return links;
    }

    /** The members the identity provider knows by {@code externalId} (case-sensitive, as RFC 7643 has it). */
    public List<Long> members(String tenant, String externalId) {
        return dynamo.queryPaginator(query -> query.tableName(config.directoryTable())
                        .keyConditionExpression("#tenant = :partition")
                        .filterExpression("#externalId = :externalId")
                        .expressionAttributeNames(Map.of("#tenant", TENANT, "#externalId", EXTERNAL_ID))
                        .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition(tenant)),
                                ":externalId", AttributeValue.fromS(externalId))))
                .items().stream().map(item -> Long.parseLong(item.get(DIRECTORY_MEMBER_ID).n())).toList();
    }

    private static Link link(Map<String, AttributeValue> item) {
        AttributeValue externalId = item.get(EXTERNAL_ID);
        AttributeValue created = item.get(CREATED);
        return new Link(Long.parseLong(item.get(DIRECTORY_MEMBER_ID).n()), externalId == null ? null : externalId.s(),
                created == null ? null : SortableInstant.parse(created));
    }

    private static Map<String, AttributeValue> key(String tenant, long memberId) {
        return Map.of(TENANT, AttributeValue.fromS(partition(tenant)),
                DIRECTORY_MEMBER_ID, AttributeValue.fromN(Long.toString(memberId)));
    }

    private static String partition(String tenant) {
        return "scim#" + tenant;
    }
}
