package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** A security role ({@code /system/securityroles}); members reference one by id. */
@RegisterForReflection
public record SecurityRole(int id, String name, String roleType, Boolean adminFlag, Boolean inactiveFlag,
                           @JsonProperty("_info") Map<String, String> info) {
}
