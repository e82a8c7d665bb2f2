package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.ExternalIds;
import dev.cwlifecycle.store.MemberDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list request's filter, parsed by UnboundID's SCIM parser, as the member directory answers it: {@code eq} on
 * {@code userName}, the work email ({@code emails.value}, {@code emails[type eq "work" and value eq ...]} and Entra
 * ID's {@code emails[type eq "work"].value eq ...}), {@code externalId}, {@code id} and {@code active}, joined by
 * {@code and}. Anything
 * else is {@code invalidFilter}: an answer that silently ignored part of a filter would make an identity provider
 * create a second user.
 */
final class UserFilter {

    private enum Attribute { USER_NAME, EXTERNAL_ID, ID, ACTIVE }

    private record Condition(Attribute attribute, String value) {
    }

    /** Entra ID's {@code emails[type eq "work"].value eq "x"}, in RFC 7644's form {@code emails[type eq "work" and value eq "x"]}. */
    private static final Pattern VALUE_AFTER_FILTER =
            Pattern.compile("(\\w+)\\[([^\\[\\]]+)\\]\\.(\\w+)\\s+eq\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)",
                    Pattern.CASE_INSENSITIVE);

    private final List<Condition> conditions;

    private UserFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** No filter: every member. */
    static UserFilter everyone() {
        return new UserFilter(List.of());
    }

    static UserFilter parse(String text) {
        Filter filter;
        try {
            filter = Filter.fromString(VALUE_AFTER_FILTER.matcher(text).replaceAll("$1[$2 and $3 eq $4]"));
        } catch (BadRequestException unreadable) {
            throw new ScimRequestInvalid("invalidFilter", "The filter could not be read: "
                    + ScimErrors.libraryMessage(unreadable));
        }
        List<Condition> conditions = new ArrayList<>();
        collect(filter, conditions);
        return new UserFilter(List.copyOf(conditions));
    }

    private static void collect(Filter filter, List<Condition> into) {
        if (filter.getFilterType() == FilterType.AND) {
            filter.getCombinedFilters().forEach(part -> collect(part, into));
            return;
        }
        if (filter.getFilterType() == FilterType.COMPLEX_VALUE
                && filter.getAttributePath().toString().equalsIgnoreCase("emails")) {
            workEmail(filter.getValueFilter(), into);
            return;
        }
        if (filter.getFilterType() != FilterType.EQUAL) {
            throw unsupported(filter);
        }
        String path = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
        JsonNode value = filter.getComparisonValue();
        switch (path) {
            case "username", "emails.value" -> into.add(new Condition(Attribute.USER_NAME, text(filter, value)));
            case "id" -> into.add(new Condition(Attribute.ID, text(filter, value)));
            case "externalid" -> into.add(new Condition(Attribute.EXTERNAL_ID, text(filter, value)));
            case "active" -> {
                if (!value.isBoolean()) {
                    throw new ScimRequestInvalid("invalidFilter", "'active' compares with true or false");
                }
                into.add(new Condition(Attribute.ACTIVE, value.asText()));
            }
            default -> throw unsupported(filter);
        }
    }

    /** {@code emails[type eq "work" and value eq "x"]} (the type may be left out). */
    private static void workEmail(Filter valueFilter, List<Condition> into) {
        List<Filter> parts = valueFilter.getFilterType() == FilterType.AND ? valueFilter.getCombinedFilters()
                : List.of(valueFilter);
        for (Filter part : parts) {
            String attribute = part.getFilterType() == FilterType.EQUAL
                    ? part.getAttributePath().toString().toLowerCase(Locale.ROOT) : "";
            if (attribute.equals("value")) {
                into.add(new Condition(Attribute.USER_NAME, text(part, part.getComparisonValue())));
            } else if (!attribute.equals("type") || !part.getComparisonValue().asText().equalsIgnoreCase("work")) {
                throw unsupported(part);
            }
        }
    }

    private static String text(Filter filter, JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new ScimRequestInvalid("invalidFilter", "'" + filter + "' compares with a string");
        }
        return value.textValue();
    }

    private static ScimRequestInvalid unsupported(Filter filter) {
        return new ScimRequestInvalid("invalidFilter", "'" + filter + "' is not supported: filter with eq on "
                + "userName, emails[type eq \"work\"].value, externalId, id or active, joined by and");
    }

    /**
     * The matching members, read by the narrowest key the filter names: id, then email, then externalId; else the
     * whole tenant.
     */
    Stream<DirectoryEntry> members(MemberDirectory directory, ExternalIds externalIds, String tenant) {
        if (conditions.stream().anyMatch(c -> c.attribute() == Attribute.USER_NAME && !isEmail(c.value()))) {
            return Stream.empty();
        }
        Optional<Set<Long>> namedExternally = conditions.stream()
                .filter(c -> c.attribute() == Attribute.EXTERNAL_ID)
                .map(c -> Set.copyOf(externalIds.members(tenant, c.value())))
                .reduce((one, other) -> one.stream().filter(other::contains).collect(Collectors.toSet()));
        Stream<DirectoryEntry> candidates = first(Attribute.ID)
                .map(id -> memberId(id).flatMap(memberId -> directory.get(tenant, memberId)).stream())
                .or(() -> first(Attribute.USER_NAME).map(email -> directory.findByEmail(tenant, email).stream()))
                .or(() -> namedExternally.map(memberIds -> memberIds.stream().sorted()
                        .flatMap(memberId -> directory.get(tenant, memberId).stream())))
                .orElseGet(() -> directory.scan(tenant));
        return candidates.filter(entry -> !entry.deleted() && !entry.pending() && entry.identifier() != null)
                .filter(entry -> namedExternally.map(memberIds -> memberIds.contains(entry.memberId())).orElse(true))
                .filter(this::matches);
    }

    private Optional<String> first(Attribute attribute) {
        return conditions.stream().filter(c -> c.attribute() == attribute).map(Condition::value).findFirst();
    }

    private boolean matches(DirectoryEntry entry) {
        return conditions.stream().allMatch(condition -> switch (condition.attribute()) {
            case USER_NAME -> OfficeEmail.same(condition.value(), entry.officeEmail());
            case ID -> condition.value().equals(String.valueOf(entry.memberId()));
            case EXTERNAL_ID -> true; // the links were asked in members()
            case ACTIVE -> Boolean.parseBoolean(condition.value()) == entry.active();
        });
    }

    /** Every userName is an office email: a value that is none matches nobody. */
    private static boolean isEmail(String value) {
        try {
            OfficeEmail.key(value);
            return true;
        } catch (IllegalArgumentException notAnEmail) {
            return false;
        }
    }

    static Optional<Long> memberId(String id) {
        try {
            return Optional.of(Long.parseLong(id)).filter(memberId -> memberId > 0);
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
