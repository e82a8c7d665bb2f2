package dev.cwlifecycle.store;

import dev.cwlifecycle.people.OfficeEmail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.cwlifecycle.store.Tables.DIRECTORY_IDENTIFIER;
import static dev.cwlifecycle.store.Tables.DIRECTORY_MEMBER_ID;
import static dev.cwlifecycle.store.Tables.DIRECTORY_PENDING_TENANT;
import static dev.cwlifecycle.store.Tables.DIRECTORY_TENANT_EMAIL;
import static dev.cwlifecycle.store.Tables.TENANT;

/** A {@link DirectoryEntry} as a DynamoDB item: null fields are left out, timestamps are sortable strings. */
final class DirectoryItem {

    static final String LAST_UPDATED = "lastUpdated";
    static final String DELETED = "deleted";
    static final String PENDING = "pending";
    /** When the row was last written from what ConnectWise said (a sync, a callback, a fresh read). */
    static final String SYNCED_AT = "syncedAt";

    private DirectoryItem() {
    }

    static Map<String, AttributeValue> key(String tenant, long memberId) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), DIRECTORY_MEMBER_ID, AttributeValue.fromN(Long.toString(memberId)));
    }

    /** The email index key; one tenant's addresses never match another's. */
    static String tenantEmail(String tenant, String email) {
        return tenant + '#' + OfficeEmail.key(email);
    }

    static Map<String, AttributeValue> of(DirectoryEntry entry, Instant syncedAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.tenant(), entry.memberId()));
        item.put(SYNCED_AT, SortableInstant.attribute(syncedAt));
        // an index key cannot be empty: a member without an identifier stays out of the identifier index
        if (entry.identifier() != null && !entry.identifier().isEmpty()) {
            item.put(DIRECTORY_IDENTIFIER, AttributeValue.fromS(entry.identifier()));
        }
        putString(item, "firstName", entry.firstName());
        putString(item, "lastName", entry.lastName());
        putString(item, "officeEmail", entry.officeEmail());
        // sparse index: members without an address stay out of it (an index key cannot be empty)
        if (entry.officeEmail() != null && !entry.officeEmail().isBlank()) {
            item.put(DIRECTORY_TENANT_EMAIL, AttributeValue.fromS(tenantEmail(entry.tenant(), entry.officeEmail())));
        }
        putString(item, "securityRole", entry.securityRole());
        putString(item, "licenseClass", entry.licenseClass());
        item.put("active", AttributeValue.fromBool(entry.active()));
        if (entry.lastUpdated() != null) {
            item.put(LAST_UPDATED, SortableInstant.attribute(entry.lastUpdated()));
        }
        if (entry.source() != null) {
            item.put("source", AttributeValue.fromS(entry.source().attribute()));
        }
        item.put(DELETED, AttributeValue.fromBool(entry.deleted()));
        item.put(PENDING, AttributeValue.fromBool(entry.pending()));
        // sparse index: only pending members are in it, and a put without the flag takes the member out
        if (entry.pending()) {
            item.put(DIRECTORY_PENDING_TENANT, AttributeValue.fromS(entry.tenant()));
        }
        return item;
    }

    static DirectoryRow row(Map<String, AttributeValue> item) {
        return new DirectoryRow(entry(item), SortableInstant.parse(item.get(SYNCED_AT)));
    }

    static DirectoryEntry entry(Map<String, AttributeValue> item) {
        AttributeValue source = item.get("source");
        return new DirectoryEntry(
                item.get(TENANT).s(),
                Long.parseLong(item.get(DIRECTORY_MEMBER_ID).n()),
                string(item, DIRECTORY_IDENTIFIER),
                string(item, "firstName"),
                string(item, "lastName"),
                string(item, "officeEmail"),
                string(item, "securityRole"),
                string(item, "licenseClass"),
                flag(item, "active"),
                SortableInstant.parse(item.get(LAST_UPDATED)),
                source == null ? null : DirectoryEntry.Source.fromAttribute(source.s()),
                flag(item, DELETED),
                flag(item, PENDING));
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}
