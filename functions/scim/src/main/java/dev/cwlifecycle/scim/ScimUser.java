package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;
import dev.cwlifecycle.lifecycle.MemberChange;
import dev.cwlifecycle.lifecycle.NewMember;
import dev.cwlifecycle.people.OfficeEmail;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A User resource as an identity provider sends it (POST, PUT, or the result of a PatchOp), read and checked: what
 * ConnectWise keeps of it. Attribute names are case-insensitive (RFC 7643 §2.1); booleans may come as the strings
 * Entra ID sends ({@code "False"}); core attributes ConnectWise has no place for are accepted and not kept, anything
 * else is refused. {@code userName} is the office email: a work email, when sent, must be the same address.
 */
@RegisterForReflection
record ScimUser(String userName, String givenName, String familyName, String title, String phone, boolean active,
                String externalId, String securityRole, String licenseClass, String identifier) {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String EXTENSION = "urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User";

    static final String WORK_EMAIL = "emails[type eq \"work\"].value";
    static final String WORK_PHONE = "phoneNumbers[type eq \"work\"].value";

    private static final Set<String> KEPT = Set.of("schemas", "username", "name", "title", "active", "emails",
            "phonenumbers", "externalid", EXTENSION.toLowerCase(Locale.ROOT));
    /** Core User attributes (and the enterprise extension) that ConnectWise members have no field for. */
    private static final Set<String> NOT_KEPT = Set.of("id", "meta", "displayname", "nickname", "profileurl",
            "usertype", "preferredlanguage", "locale", "timezone", "password", "ims", "photos", "addresses", "groups",
            "entitlements", "roles", "x509certificates", ENTERPRISE.toLowerCase(Locale.ROOT));
    private static final Set<String> NAME_PARTS = Set.of("givenname", "familyname", "formatted", "middlename",
            "honorificprefix", "honorificsuffix");
    private static final Set<String> EXTENSION_ATTRIBUTES = Set.of("securityrole", "licenseclass", "identifier");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,15}");
    private static final Set<String> LICENSE_CLASSES = Set.of("A", "C", "F", "X");

    static ScimUser read(ObjectNode resource) {
        Map<String, JsonNode> attributes = attributes(resource, "");
        requireCoreSchema(attributes.get("schemas"));
        attributes.keySet().stream().filter(name -> !KEPT.contains(name) && !NOT_KEPT.contains(name)).findFirst()
                .ifPresent(unknown -> {
                    throw new ScimRequestInvalid("invalidSyntax", "'" + unknown + "' is not an attribute of the "
                            + "User schema or its extensions (GET /Schemas lists them)");
                });
        Map<String, JsonNode> name = attributes(object(attributes, "name"), "name.");
        name.keySet().stream().filter(part -> !NAME_PARTS.contains(part)).findFirst().ifPresent(unknown -> {
            throw new ScimRequestInvalid("invalidSyntax", "'name." + unknown + "' is not a part of a name");
        });
        Map<String, JsonNode> extension = attributes(object(attributes, EXTENSION.toLowerCase(Locale.ROOT)),
                EXTENSION + ":");
        extension.keySet().stream().filter(part -> !EXTENSION_ATTRIBUTES.contains(part)).findFirst()
                .ifPresent(unknown -> {
                    throw new ScimRequestInvalid("invalidSyntax", "'" + EXTENSION + ":" + unknown + "' is not an "
                            + "attribute of the extension (securityRole, licenseClass, identifier)");
                });
        ScimUser user = new ScimUser(text(attributes, "userName"), text(name, "givenName"),
                text(name, "familyName"), text(attributes, "title"), work(attributes, "phoneNumbers", WORK_PHONE),
                bool(attributes, "active").orElse(true), text(attributes, "externalId"),
                text(extension, "securityRole"), text(extension, "licenseClass"), text(extension, "identifier"));
        String workEmail = work(attributes, "emails", WORK_EMAIL);
        new Validation()
                .email("userName", user.userName())
                .check(workEmail == null || user.userName() == null || OfficeEmail.same(workEmail, user.userName()),
                        WORK_EMAIL, "must be the userName: both are the member's office email")
                .text("name.givenName", user.givenName(), true, 30)
                .text("name.familyName", user.familyName(), true, 30)
                .text("title", user.title(), false, 50)
                .text(WORK_PHONE, user.phone(), false, 15)
                .text("externalId", user.externalId(), false, 255)
                .text(EXTENSION + ":securityRole", user.securityRole(), false, 30)
                .check(user.securityRole() == null || user.securityRole().indexOf('"') < 0
                        && user.securityRole().indexOf('\\') < 0, EXTENSION + ":securityRole",
                        "must not contain '\"' or '\\'")
                .check(user.licenseClass() == null
                                || LICENSE_CLASSES.contains(user.licenseClass().toUpperCase(Locale.ROOT)),
                        EXTENSION + ":licenseClass", "must be one of F (full), A (API), C (StreamlineIT), X "
                                + "(subcontractor)")
                .check(user.identifier() == null || IDENTIFIER.matcher(user.identifier()).matches(),
                        EXTENSION + ":identifier", "must be 1 to 15 letters, digits, '.', '_' or '-'")
                .orThrow();
        return new ScimUser(OfficeEmail.normalised(user.userName()), user.givenName(), user.familyName(),
                user.title(), user.phone(), user.active(), user.externalId(), user.securityRole(),
                user.licenseClass(), user.identifier());
    }

    /**
     * The mover's change of member {@code memberId} to this user: the attributes that differ from {@code before} (the
     * user as this service showed it, for a PatchOp), or every attribute given (a PUT: {@code before} is null). An
     * attribute left out is left as it is in ConnectWise; a title or phone taken away ({@code ""}) is cleared.
     */
    MemberChange change(long memberId, ScimUser before) {
        return new MemberChange(null, memberId, changed(givenName, before == null ? null : before.givenName),
                changed(familyName, before == null ? null : before.familyName),
                changed(userName, before == null ? null : before.userName),
                changed(title, before == null ? null : before.title),
                changed(phone, before == null ? null : before.phone),
                changed(securityRole, before == null ? null : before.securityRole), null,
                changed(licenseClass, before == null ? null : before.licenseClass), null, null, null, null, null,
                false);
    }

    /** This user with the title and phone a PatchOp removed set to {@code ""}: to be cleared, not left as they are. */
    ScimUser clearing(boolean clearTitle, boolean clearPhone) {
        return new ScimUser(userName, givenName, familyName, clearTitle ? "" : title, clearPhone ? "" : phone,
                active, externalId, securityRole, licenseClass, identifier);
    }

    private static String changed(String now, String was) {
        return Objects.equals(now, was) ? null : now;
    }

    /** The person to provision: the role the IdP mapped, else the tenant's default. */
    NewMember newMember(String role) {
        return new NewMember(givenName, familyName, userName, identifier, role, null, licenseClass, title, phone,
                null, null, null, null, null, null, false);
    }

    /** The object's members by lower-cased name; the same name twice in other cases is ambiguous, so refused. */
    private static Map<String, JsonNode> attributes(JsonNode object, String prefix) {
        Map<String, JsonNode> attributes = new HashMap<>();
        if (object == null) {
            return attributes;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (attributes.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue()) != null) {
                throw new ScimRequestInvalid("invalidSyntax", "'" + prefix + field.getKey() + "' is given twice "
                        + "(attribute names ignore case)");
            }
        }
        return attributes;
    }

    private static void requireCoreSchema(JsonNode schemas) {
        boolean listed = schemas != null && schemas.isArray() && contains(schemas, CORE);
        if (!listed) {
            throw new ScimRequestInvalid("invalidSyntax", "'schemas' must be an array that lists " + CORE);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.isTextual() && item.textValue().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode object(Map<String, JsonNode> attributes, String name) {
        JsonNode value = attributes.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        return value;
    }

    private static String text(Map<String, JsonNode> attributes, String name) {
        JsonNode value = attributes.get(name.toLowerCase(Locale.ROOT));
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        return value.textValue();
    }

    /** A boolean, or Entra ID's {@code "True"} / {@code "False"}. */
    private static Optional<Boolean> bool(Map<String, JsonNode> attributes, String name) {
        JsonNode value = attributes.get(name.toLowerCase(Locale.ROOT));
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual() && Set.of("true", "false").contains(value.textValue().toLowerCase(Locale.ROOT))) {
            return Optional.of(Boolean.parseBoolean(value.textValue()));
        }
        throw wrongType(name, "a boolean");
    }

    /** The value of the {@code work} entry of a multi-valued attribute: typed work, else primary, else the only one. */
    private static String work(Map<String, JsonNode> attributes, String name, String path) {
        JsonNode values = attributes.get(name.toLowerCase(Locale.ROOT));
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isArray()) {
            throw wrongType(name, "an array");
        }
        JsonNode chosen = null;
        for (JsonNode entry : values) {
            if (!entry.isObject()) {
                throw wrongType(name, "an array of objects");
            }
            Map<String, JsonNode> parts = attributes(entry, name + ".");
            String type = text(parts, "type");
            if ("work".equalsIgnoreCase(type) || chosen == null && (bool(parts, "primary").orElse(false)
                    || values.size() == 1)) {
                chosen = entry;
            }
        }
        return chosen == null ? null : text(attributes(chosen, name + "."), "value");
    }

    private static ScimRequestInvalid wrongType(String name, String expected) {
        return new ScimRequestInvalid("invalidValue", "'" + name + "' must be " + expected);
    }
}
