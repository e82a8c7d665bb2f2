package dev.cwlifecycle.provision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cwlifecycle.gateway.TicketReference;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@code POST /members} did ({@code created}, {@code reactivated}) or, for a dry run, would do
 * ({@code would-create}, {@code would-reactivate}), and the ConnectWise requests it took.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionResult(String outcome, Long memberId, String identifier, String licenseClass, String role,
                              Integer roleId, TicketReference ticket, int connectWiseRequests) {
}
