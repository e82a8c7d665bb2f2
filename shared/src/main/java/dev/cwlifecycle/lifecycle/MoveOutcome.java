package dev.cwlifecycle.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What a mover did ({@code updated}, {@code unchanged}) or, for a dry run, would do ({@code would-update}): the
 * request's fields that differed ({@code changed}), the member's state after it, and the ConnectWise requests it
 * took. {@code seatChange} says that a licence class change changes a paid seat, from which class to which.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveOutcome(String outcome, long memberId, String identifier, List<String> changed, MemberState member,
                          String seatChange, TicketReference ticket, int connectWiseRequests) {
}
