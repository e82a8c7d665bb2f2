package dev.cwlifecycle.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What deprovisioning did: the member's final {@code state} (inactive, deleted), the {@code action} taken
 * (deactivated, handed-over, deleted, none; or would-… for a dry run), why, and the ConnectWise requests it took.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeprovisionOutcome(long memberId, String identifier, String state, String action, String detail,
                                int connectWiseRequests) {
}
