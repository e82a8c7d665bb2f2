package dev.cwlifecycle.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What a provision did ({@code created}, {@code reactivated}) or, for a dry run, would do
 * ({@code would-create}, {@code would-reactivate}), and the ConnectWise requests it took. {@code secondSeatOf}
 * lists the other active members found with the same office email right after a create: a second seat for the
 * person, which someone must resolve.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionOutcome(String outcome, Long memberId, String identifier, String licenseClass, String role,
                              Integer roleId, TicketReference ticket, int connectWiseRequests,
                              List<Long> secondSeatOf) {
}
