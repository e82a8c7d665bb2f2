package dev.cwlifecycle.scim;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The SCIM SDK's PatchOp classes, which Jackson builds through their {@code @JsonCreator} constructors and
 * {@code @JsonSubTypes}: a native image keeps their constructors and fields only when they are named. By name, as the
 * operation subtypes are package-private.
 */
@RegisterForReflection(classNames = {
        "com.unboundid.scim2.common.BaseScimResource",
        "com.unboundid.scim2.common.types.Meta",
        "com.unboundid.scim2.common.messages.PatchRequest",
        "com.unboundid.scim2.common.messages.PatchOperation",
        "com.unboundid.scim2.common.messages.PatchOperation$AddOperation",
        "com.unboundid.scim2.common.messages.PatchOperation$RemoveOperation",
        "com.unboundid.scim2.common.messages.PatchOperation$ReplaceOperation",
        "com.unboundid.scim2.common.messages.PatchOpType",
        "com.unboundid.scim2.common.Path"})
final class PatchOpReflection {

    private PatchOpReflection() {
    }
}
