package dev.cwlifecycle.scim;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;

import java.util.List;

/**
 * A PatchOp request (RFC 7644 §3.5.2), read and applied by UnboundID's SCIM library to the user as stored; what
 * comes out is read as any User is ({@link ScimUser#read}). The library takes what Entra ID sends: capitalised
 * {@code op} values, path-less operations whose value is an object, value filters in paths
 * ({@code emails[type eq "work"].value}) and extension URNs.
 */
final class UserPatch {

    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final List<PatchOperation> operations;

    private UserPatch(List<PatchOperation> operations) {
        this.operations = operations;
    }

    static UserPatch read(ObjectNode body) {
        JsonNode schemas = body.get("schemas");
        boolean listed = schemas != null && schemas.isArray() && schemas.size() == 1
                && PATCH_SCHEMA.equalsIgnoreCase(schemas.get(0).asText());
        if (!listed) {
            throw new ScimRequestInvalid("invalidSyntax", "'schemas' must be [\"" + PATCH_SCHEMA + "\"]");
        }
        PatchRequest request;
        try {
            request = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(body);
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new ScimRequestInvalid("invalidSyntax", "The PatchOp could not be read: "
                    + firstLine(unreadable.getMessage()));
        }
        if (request.getOperations() == null || request.getOperations().isEmpty()) {
            throw new ScimRequestInvalid("invalidValue", "'Operations' must hold at least one operation");
        }
        return new UserPatch(request.getOperations());
    }

    /** The user after every operation, in order; an operation that cannot apply refuses the whole request. */
    ScimUser applyTo(ObjectNode stored) {
        ObjectNode user = stored.deepCopy();
        for (PatchOperation operation : operations) {
            try {
                operation.apply(user);
            } catch (ScimException refused) {
                String scimType = refused.getScimError().getScimType();
                throw new ScimRequestInvalid(scimType == null ? "invalidValue" : scimType,
                        "The operation '" + operation.getOpType() + " " + operation.getPath() + "' cannot apply: "
                                + firstLine(refused.getMessage()));
            }
        }
        return ScimUser.read(user).clearing(removes("title"), removes("phoneNumbers"));
    }

    private boolean removes(String attribute) {
        return operations.stream().anyMatch(operation -> operation.getOpType() == PatchOpType.REMOVE
                && operation.getPath() != null && !operation.getPath().isRoot()
                && attribute.equalsIgnoreCase(operation.getPath().getElement(0).getAttribute()));
    }

    /** Jackson's messages run on with the source location; the first line says what was wrong. */
    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
