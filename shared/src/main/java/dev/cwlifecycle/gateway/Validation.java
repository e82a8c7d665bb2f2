package dev.cwlifecycle.gateway;

import dev.cwlifecycle.lifecycle.TicketReference;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.people.VisibleText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every problem with a request's fields, so the caller hears about all of them at once. The one place
 * every route's names, texts and emails are checked ({@link VisibleText}, {@link OfficeEmail}).
 */
public final class Validation {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,15}");
    private static final Pattern TICKET_SYSTEM = Pattern.compile("[A-Za-z0-9 _.-]{1,40}");
    private static final Set<String> LICENSE_CLASSES = Set.of("A", "C", "F", "X");

    private final List<InvalidField> errors = new ArrayList<>();

    /**
     * Text that, when present (or when required), is non-blank, at most {@code max} long and free of control and
     * invisible format characters (zero-width, bidi overrides); letters of any script are fine.
     */
    public Validation text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "is required");
        }
        if (value.length() > max) {
            return check(false, field, "is " + value.length() + " characters long; ConnectWise allows at most " + max);
        }
        Optional<String> hidden = VisibleText.firstHidden(value, VisibleText.TEXT_HIDDEN);
        return check(hidden.isEmpty(), field, "must not contain control or invisible formatting characters (found "
                + hidden.orElse("") + ")");
    }

    /** A required email address that {@link OfficeEmail#normalised} accepts. */
    public Validation email(String field, String value) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        if (value.length() > 250) {
            return check(false, field, "is " + value.length() + " characters long; ConnectWise allows at most 250");
        }
        try {
            OfficeEmail.normalised(value);
            return this;
        } catch (IllegalArgumentException refused) {
            return check(false, field, refused.getMessage());
        }
    }

    /** The ticket that asked, when one is named: {@code ticket.system} and {@code ticket.id}. */
    public Validation ticket(TicketReference ticket) {
        if (ticket == null) {
            return this;
        }
        check(ticket.system() != null && TICKET_SYSTEM.matcher(ticket.system()).matches(), "ticket.system",
                "is required: 1 to 40 letters, digits, spaces, '.', '_' or '-'");
        return text("ticket.id", ticket.id(), true, 100);
    }

    /** A member's identifier (ConnectWise's login name), when given: 1 to 15 of {@code A-Z a-z 0-9 . _ -}. */
    public Validation identifier(String field, String value) {
        return check(value == null || IDENTIFIER.matcher(value).matches(), field,
                "must be 1 to 15 letters, digits, '.', '_' or '-'");
    }

    /** The security role: by name ({@code role}) or by {@code roleId}, never both; one of them when required. */
    public Validation securityRole(String role, Integer roleId, boolean required) {
        return check(required ? role != null ^ roleId != null : role == null || roleId == null, "role",
                "give exactly one of role (a name) or roleId")
                .text("role", role, role != null, 30)
                .check(role == null || role.indexOf('"') < 0 && role.indexOf('\\') < 0, "role",
                        "must not contain '\"' or '\\'")
                .positive("roleId", roleId);
    }

    /** A licence class, when given, in any case. */
    public Validation licenseClass(String value) {
        return check(value == null || LICENSE_CLASSES.contains(value.toUpperCase(Locale.ROOT)), "licenseClass",
                "must be one of F (full), A (API), C (StreamlineIT), X (subcontractor)");
    }

    public Validation positive(String field, Integer value) {
        return check(value == null || value > 0, field, "must be a positive id");
    }

    public Validation check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new InvalidField(field, message));
        }
        return this;
    }

    /** Throws a 400 naming every invalid field, if there is any. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
