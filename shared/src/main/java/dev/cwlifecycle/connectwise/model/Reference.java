package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A ConnectWise reference such as {@code securityRole}: {@code {id, name}}; writes send the id alone. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reference(Integer id, String name) {

    public static Reference to(int id) {
        return new Reference(id, null);
    }
}
