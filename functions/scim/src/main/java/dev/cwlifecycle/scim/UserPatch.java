package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

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
            throw new ScimRequestInvalid("invalidSyntax", "The PatchOp could not be read: " + why(unreadable));
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
                                + ScimErrors.libraryMessage(refused));
            }
        }
        return ScimUser.read(user).clearing(removes("title"), removes("phoneNumbers"));
    }

    private boolean removes(String attribute) {
        return operations.stream().anyMatch(operation -> operation.getOpType() == PatchOpType.REMOVE
                && operation.getPath() != null && !operation.getPath().isRoot()
                && attribute.equalsIgnoreCase(operation.getPath().getElement(0).getAttribute()));
    }

    /**
     * What was wrong, in the request's own terms: Jackson's messages name the library's classes, so only the SCIM
     * library's own complaint (a path it cannot parse) is passed on, and everything else is told by where it is.
     */
    private static String why(Exception unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof ScimException scim) {
                return ScimErrors.libraryMessage(scim);
            }
        }
        if (!(unreadable instanceof JsonMappingException mapping)) {
            return "not a PatchOp request";
        }
        String at = mapping.getPath().stream()
                .map(step -> step.getFieldName() != null ? "." + step.getFieldName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        if (mapping instanceof InvalidTypeIdException) {
            return "'op' at " + at + " must be add, replace or remove";
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a member of a PatchOp operation"
                    + (at.isEmpty() ? "" : " (at " + at + ")");
        }
        if (mapping instanceof MismatchedInputException) {
            return at.isEmpty() ? "wrong type" : "'" + at + "' has the wrong type";
        }
        return at.isEmpty() ? "not a PatchOp request" : "'" + at + "' cannot be read";
    }
}
