package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.ExternalIds;

import java.util.List;

/**
 * The User resources this service answers with, from the member directory: what a list, a read and the answer to
 * a write show. {@code meta.version} is ConnectWise's {@code lastUpdated}; {@code location} is the resource's URL
 * under the tenant's SCIM base; {@code externalId} and {@code meta.created} come from the member's
 * {@link ExternalIds} link.
 */
final class UserResources {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private UserResources() {
    }

    /** The user a directory row and, when the identity provider created or named it, its link show. */
    static ObjectNode user(DirectoryEntry entry, ExternalIds.Link link, String base) {
        ObjectNode user = ScimJson.MAPPER.createObjectNode();
        user.putArray("schemas").add(ScimUser.CORE).add(ScimUser.EXTENSION);
        user.put("id", String.valueOf(entry.memberId()));
        if (link != null && link.externalId() != null) {
            user.put("externalId", link.externalId());
        }
        user.put("userName", entry.officeEmail());
        ObjectNode name = user.putObject("name");
        name.put("givenName", entry.firstName());
        name.put("familyName", entry.lastName());
        user.put("active", entry.active());
        if (entry.officeEmail() != null) {
            user.putArray("emails").addObject().put("value", entry.officeEmail()).put("type", "work")
                    .put("primary", true);
        }
        ObjectNode member = user.putObject(ScimUser.EXTENSION);
        member.put("identifier", entry.identifier());
        member.put("securityRole", entry.securityRole());
        member.put("licenseClass", entry.licenseClass());
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        if (link != null && link.created() != null) {
            meta.put("created", link.created().toString());
        }
        if (entry.lastUpdated() != null) {
            meta.put("lastModified", entry.lastUpdated().toString());
            meta.put("version", "W/\"" + entry.lastUpdated().toEpochMilli() + "\"");
        }
        meta.put("location", base + "/Users/" + entry.memberId());
        return user;
    }

    /** A {@code ListResponse} page: {@code startIndex} is 1-based, as SCIM's. */
    static ObjectNode list(List<ObjectNode> page, int totalResults, int startIndex) {
        ObjectNode list = ScimJson.MAPPER.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", page.size());
        ArrayNode resources = list.putArray("Resources");
        page.forEach(resources::add);
        return list;
    }
}
