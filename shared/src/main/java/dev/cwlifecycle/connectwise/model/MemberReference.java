package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A reference to a member: {@code {id, identifier, name}}, e.g. {@code reportsTo} or a hand-over member. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberReference(Long id, String identifier, String name) {

    public static MemberReference byIdentifier(String identifier) {
        return new MemberReference(null, identifier, null);
    }

    public static MemberReference byId(long id) {
        return new MemberReference(id, null, null);
    }
}
