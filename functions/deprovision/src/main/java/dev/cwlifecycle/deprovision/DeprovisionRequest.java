package dev.cwlifecycle.deprovision;

import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.lifecycle.Departure;
import dev.cwlifecycle.lifecycle.Departure.Mode;
import dev.cwlifecycle.lifecycle.TicketReference;
import dev.cwlifecycle.people.OfficeEmail;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /members/{identifier}/deprovision} (optional there) or {@code POST /members/deprovision}
 * (naming the member by {@code memberId} or {@code email}).
 */
@RegisterForReflection
public record DeprovisionRequest(Long memberId, String email, String mode, String handoverTo,
                                 Boolean deleteOpenTimeSheets, TicketReference ticket, Boolean dryRun) {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,15}");
    static final DeprovisionRequest EMPTY = new DeprovisionRequest(null, null, null, null, null, null, null);

    Mode modeOrDefault() {
        return mode == null ? Mode.DEACTIVATE : Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    }

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /**
     * Every field problem at once; {@code identifier} is the route's, when the route names the member. Then the
     * request with its email in the one form a person is known by ({@link OfficeEmail#normalised}).
     */
    DeprovisionRequest validated(String identifier) {
        int targets = (identifier != null ? 1 : 0) + (memberId != null ? 1 : 0) + (email != null ? 1 : 0);
        Validation validation = new Validation()
                .check(targets == 1, "member", "name the member exactly once: by the route's identifier, "
                        + "memberId or email")
                .check(identifier == null || IDENTIFIER.matcher(identifier).matches(), "identifier",
                        "must be 1 to 15 letters, digits, '.', '_' or '-'")
                .check(memberId == null || memberId > 0, "memberId", "must be a positive id")
                .check(named(mode), "mode", "must be deactivate, handover or delete")
                .check(named(mode) && modeOrDefault() == Mode.HANDOVER
                                ? handoverTo != null && IDENTIFIER.matcher(handoverTo).matches() : handoverTo == null,
                        "handoverTo", "is the identifier of the member who takes over, given with mode handover only");
        if (email != null) {
            validation.email("email", email);
        }
        validation.ticket(ticket).orThrow();
        return email == null ? this : new DeprovisionRequest(memberId, OfficeEmail.normalised(email), mode,
                handoverTo, deleteOpenTimeSheets, ticket, dryRun);
    }

    /** The member and what to do, for the lifecycle core; of a {@link #validated} request. */
    Departure departure(String identifier) {
        return new Departure(identifier, memberId, email, modeOrDefault(), handoverTo,
                Boolean.TRUE.equals(deleteOpenTimeSheets), isDryRun());
    }

    private static boolean named(String mode) {
        return mode == null || Arrays.stream(Mode.values()).anyMatch(m -> m.name().equalsIgnoreCase(mode));
    }
}
