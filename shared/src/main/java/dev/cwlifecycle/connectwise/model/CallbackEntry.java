package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** A callback (webhook) registration, {@code /system/callbacks}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackEntry(Long id, String description, String url, Long objectId, String type, String level,
                            String payloadVersion, Boolean inactiveFlag, Boolean isSelfSuppressedFlag,
                            @JsonProperty("_info") Map<String, String> info) {

    /** A registration for every member change ({@code type member}, {@code level owner}, {@code objectId 1}). */
    public static CallbackEntry forMembers(String description, String url) {
        return new CallbackEntry(null, description, url, 1L, "member", "owner", "3.0.0", false, false, null);
    }

    /** Same subscription (what ConnectWise refuses to register twice), whatever the id or description. */
    public boolean sameSubscriptionAs(CallbackEntry other) {
        return url != null && url.equals(other.url) && type != null && type.equalsIgnoreCase(other.type)
                && level != null && level.equalsIgnoreCase(other.level)
                && objectId != null && objectId.equals(other.objectId);
    }
}
