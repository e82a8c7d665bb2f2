package dev.cwlifecycle.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem with a request's fields, so the caller hears about all of them at once. */
public final class Validation {

    /** Simple on purpose: one '@', a dot in the domain, and nothing ConnectWise's conditions could not quote. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"\\\\]+@[^@\\s\"\\\\]+\\.[^@\\s\"\\\\]+");

    private final List<InvalidField> errors = new ArrayList<>();

    /** Text that, when present (or when required), is non-blank, at most {@code max} long and free of controls. */
    public Validation text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "is required");
        }
        if (value.length() > max) {
            return check(false, field, "is " + value.length() + " characters long; ConnectWise allows at most " + max);
        }
        return check(value.chars().noneMatch(Character::isISOControl), field, "must not contain control characters");
    }

    public Validation email(String field, String value) {
        text(field, value, true, 250);
        return value == null || value.isBlank() || value.length() > 250 ? this
                : check(EMAIL.matcher(value).matches(), field, "is not a valid email address");
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
