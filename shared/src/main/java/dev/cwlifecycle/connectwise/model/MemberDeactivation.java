package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /system/members/{id}/deactivate}: who takes over the member's open work, and whether
 * open time sheets (which otherwise block deactivation) are deleted.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberDeactivation(MemberReference reAssignToMember, Boolean deleteOpenTimeSheetsFlag) {
}
