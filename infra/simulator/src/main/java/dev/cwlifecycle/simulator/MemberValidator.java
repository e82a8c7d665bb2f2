package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.simulator.ConnectWiseErrors.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * Turns a member JSON object (a POST or PUT body, or the result of a PATCH) into a stored member, or refuses it
 * the way ConnectWise does: 400 {@code InvalidObject} listing every field error. Required, as in spec 2025.x:
 * identifier, licenseClass, firstName, lastName, hireDate, defaultEmail, defaultPhone and securityRole.
 */
final class MemberValidator {

    private static final Set<String> LICENSE_CLASSES = Set.of("A", "C", "F", "X");
    private static final Set<String> CONTACT_SLOTS = Set.of("Office", "Mobile", "Home");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SystemCatalog catalog;
    private final LongPredicate memberExists;
    private final Function<String, Long> identifierOwner;
    private final Function<String, Long> officeEmailOwner;

    /** The owner functions take a lower-cased value and answer the id of the member holding it, or null. */
    MemberValidator(SystemCatalog catalog, LongPredicate memberExists, Function<String, Long> identifierOwner,
                    Function<String, Long> officeEmailOwner) {
        this.catalog = catalog;
        this.memberExists = memberExists;
        this.identifierOwner = identifierOwner;
        this.officeEmailOwner = officeEmailOwner;
    }

    /** Validates {@code input} as member {@code id}; {@code previous} (null on create) keeps its hidden flags. */
    MemberRecord validate(JsonNode input, long id, MemberRecord previous, MemberRecord.Audit audit, Instant now) {
        if (!input.isObject()) {
            throw ConnectWiseErrors.badRequest("The request body must be a member object.");
        }
        Fields in = new Fields(input);
        String identifier = in.text("identifier", 15, true);
        String firstName = in.text("firstName", 30, true);
        String lastName = in.text("lastName", 30, true);
        String licenseClass = in.choice("licenseClass", LICENSE_CLASSES);
        Long securityRole = in.reference("securityRole", catalog.roles()::containsKey, true);
        String officeEmail = in.email("officeEmail");
        boolean inactive = in.flag("inactiveFlag");
        Instant inactiveDate = in.instant("inactiveDate", false);
        Instant hireDate = in.instant("hireDate", true);
        MemberRecord candidate = new MemberRecord(id, identifier, firstName, lastName,
                in.text("middleInitial", 1, false), in.text("title", 50, false),
                officeEmail, in.email("mobileEmail"), in.email("homeEmail"),
                in.choice("defaultEmail", CONTACT_SLOTS),
                in.text("officePhone", 15, false), in.text("mobilePhone", 15, false), in.text("homePhone", 15, false),
                in.choice("defaultPhone", CONTACT_SLOTS), licenseClass, securityRole,
                in.reference("type", catalog.memberTypes()::containsKey, false),
                in.reference("timeZone", catalog.timeZones()::containsKey, false),
                in.reference("defaultLocation", catalog.locations()::containsKey, false),
                in.reference("defaultDepartment", catalog.departments()::containsKey, false),
                new MemberRecord.Setup(in.reference("structureLevel", catalog.structureLevels()::containsKey, false),
                        in.reference("securityLocation", catalog.locations()::containsKey, false),
                        in.reference("workRole", catalog.workRoles()::containsKey, false),
                        in.reference("workType", catalog.workTypes()::containsKey, false)),
                in.reference("reportsTo", memberExists, false),
                hireDate, inactive,
                inactive ? (inactiveDate == null ? now : inactiveDate) : null,
                in.text("notes", Integer.MAX_VALUE, false), password(in, previous), audit,
                previous != null && previous.history(), previous != null && previous.openTimeSheets());
        in.unique("identifier", identifier, identifierOwner, id);
        in.unique("officeEmail", officeEmail, officeEmailOwner, id);
        if (!in.errors.isEmpty()) {
            throw ConnectWiseErrors.invalidObject("member", in.errors);
        }
        return candidate;
    }

    /** A write that names no password keeps the one set before: it is never rendered, so never sent back. */
    private static String password(Fields in, MemberRecord previous) {
        String password = in.text("password", 60, false);
        return password == null && previous != null ? previous.password() : password;
    }

    /** Reads one member object, collecting every problem instead of stopping at the first. */
    private static final class Fields {
        private final JsonNode input;
        private final List<FieldError> errors = new ArrayList<>();

        private Fields(JsonNode input) {
            this.input = input;
        }

        String text(String field, int maxLength, boolean required) {
            JsonNode value = input.get(field);
            if (value == null || value.isNull() || (required && value.isValueNode() && value.asText().isBlank())) {
                if (required) {
                    errors.add(FieldError.missing(field));
                }
                return null;
            }
            if (!value.isValueNode()) {
                errors.add(FieldError.invalid(field, "The " + field + " field must be a string."));
                return null;
            }
            String text = value.asText();
            if (text.length() > maxLength) {
                errors.add(FieldError.invalid(field,
                        "The " + field + " field has a maximum length of " + maxLength + "."));
            }
            return text;
        }

        String email(String field) {
            String email = text(field, 250, false);
            if (email != null && email.length() <= 250 && !EMAIL.matcher(email).matches()) {
                errors.add(FieldError.invalid(field, "The " + field + " field is not a valid email address."));
            }
            return email;
        }

        /** A required enum field, matched ignoring case as ConnectWise does, answered in its canonical spelling. */
        String choice(String field, Set<String> allowed) {
            String given = text(field, Integer.MAX_VALUE, true);
            if (given == null) {
                return null;
            }
            for (String option : allowed) {
                if (option.equalsIgnoreCase(given)) {
                    return option;
                }
            }
            errors.add(FieldError.invalid(field, "The " + field + " value '" + given + "' is not one of "
                    + allowed.stream().sorted().toList() + "."));
            return null;
        }

        Long reference(String field, LongPredicate exists, boolean required) {
            JsonNode value = input.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    errors.add(FieldError.missing(field));
                }
                return null;
            }
            JsonNode id = value.get("id");
            if (!value.isObject() || id == null || !id.canConvertToLong()) {
                errors.add(FieldError.invalid(field, "The " + field + " field must be a reference with a numeric id."));
                return null;
            }
            if (!exists.test(id.asLong())) {
                errors.add(FieldError.invalid(field, "The " + field + " with id " + id.asLong() + " was not found."));
                return null;
            }
            return id.asLong();
        }

        boolean flag(String field) {
            JsonNode value = input.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                errors.add(FieldError.invalid(field, "The " + field + " field must be true or false."));
                return false;
            }
            return value.booleanValue();
        }

        Instant instant(String field, boolean required) {
            String text = text(field, Integer.MAX_VALUE, required);
            if (text == null) {
                return null;
            }
            return WireTime.parse(text).orElseGet(() -> {
                errors.add(FieldError.invalid(field, "The " + field + " field is not a valid date-time."));
                return null;
            });
        }

        void unique(String field, String value, Function<String, Long> owner, long self) {
            if (value == null) {
                return;
            }
            Long holder = owner.apply(value.toLowerCase(Locale.ROOT));
            if (holder != null && holder != self) {
                errors.add(FieldError.exists(field, "The " + field + " '" + value + "' is already in use by member "
                        + holder + "."));
            }
        }
    }
}
