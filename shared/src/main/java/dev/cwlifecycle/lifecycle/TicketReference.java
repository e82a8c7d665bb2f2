package dev.cwlifecycle.lifecycle;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The ticket that asked for a change, e.g. {@code {"system":"jira","id":"IT-4711"}}. */
@RegisterForReflection
public record TicketReference(String system, String id) {

    @Override
    public String toString() {
        return system + " " + id;
    }
}
