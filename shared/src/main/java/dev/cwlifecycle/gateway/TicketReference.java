package dev.cwlifecycle.gateway;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.regex.Pattern;

/** The ticket that asked for a change, e.g. {@code {"system":"jira","id":"IT-4711"}}. */
@RegisterForReflection
public record TicketReference(String system, String id) {

    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z0-9 _.-]{1,40}");

    public void validate(Validation validation) {
        validation.check(system != null && SYSTEM.matcher(system).matches(), "ticket.system",
                "is required: 1 to 40 letters, digits, spaces, '.', '_' or '-'");
        validation.text("ticket.id", id, true, 100);
    }

    @Override
    public String toString() {
        return system + " " + id;
    }
}
