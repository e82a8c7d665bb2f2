package dev.cwlifecycle.members;

import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.people.OfficeEmail;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a read asks, from the route and its query: one member by the route's identifier, by {@code memberId} or by
 * {@code email}, or a page of the directory ({@code active}, {@code limit}, {@code cursor}). Every parameter it
 * does not know, every malformed value and every mix of lookups is refused at once, naming the parameters.
 */
record MembersQuery(Lookup lookup, String identifier, long memberId, String email, boolean fresh,
                    Optional<Boolean> active, int limit, Optional<Long> after) {

    enum Lookup { IDENTIFIER, MEMBER_ID, EMAIL, PAGE }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> ON_MEMBER = Set.of("fresh");
    private static final Set<String> ON_MEMBERS = Set.of("memberId", "email", "active", "limit", "cursor", "fresh");
    private static final Set<String> PAGING = Set.of("active", "limit", "cursor");

    static MembersQuery of(GatewayRequest request, String tenant) {
        Optional<String> identifier = request.pathParameter("identifier");
        Set<String> known = identifier.isPresent() ? ON_MEMBER : ON_MEMBERS;
        Validation validation = new Validation();
        new TreeSet<>(request.queryParameterNames()).stream().filter(name -> !known.contains(name))
                .forEach(name -> validation.check(false, name, "is not a parameter of this route"));
        Optional<String> memberId = request.queryParameter("memberId");
        Optional<String> email = request.queryParameter("email");
        long paging = PAGING.stream().filter(name -> request.queryParameter(name).isPresent()).count();
        long lookups = (memberId.isPresent() ? 1 : 0) + (email.isPresent() ? 1 : 0) + (paging > 0 ? 1 : 0);
        validation.check(lookups <= 1, "memberId", "name one member (memberId or email) or ask for a page "
                + "(active, limit, cursor), not both");
        identifier.ifPresent(value -> validation.identifier("identifier", value));
        email.ifPresent(value -> validation.email("email", value));
        long id = memberId.map(value -> positive(validation, value)).orElse(0L);
        Optional<Boolean> fresh = flag(validation, "fresh", request.queryParameter("fresh"));
        validation.check(fresh.isEmpty() || !fresh.get() || identifier.isPresent() || memberId.isPresent(),
                "fresh", "re-reads one member named by identifier or memberId");
        Optional<Boolean> active = flag(validation, "active", request.queryParameter("active"));
        int limit = request.queryParameter("limit").map(value -> limit(validation, value)).orElse(DEFAULT_LIMIT);
        Optional<Long> after = request.queryParameter("cursor")
                .flatMap(cursor -> DirectoryCursor.after(tenant, cursor, validation));
        validation.orThrow();
        Lookup lookup = identifier.isPresent() ? Lookup.IDENTIFIER : memberId.isPresent() ? Lookup.MEMBER_ID
                : email.isPresent() ? Lookup.EMAIL : Lookup.PAGE;
        return new MembersQuery(lookup, identifier.orElse(null), id, email.map(OfficeEmail::normalised).orElse(null),
                fresh.orElse(false), active, limit, after);
    }

    private static Optional<Boolean> flag(Validation validation, String name, Optional<String> value) {
        validation.check(value.isEmpty() || value.get().equals("true") || value.get().equals("false"), name,
                "must be true or false");
        return value.map(Boolean::parseBoolean);
    }

    private static long positive(Validation validation, String value) {
        try {
            long id = Long.parseLong(value);
            validation.check(id > 0, "memberId", "must be a positive id");
            return id;
        } catch (NumberFormatException notANumber) {
            validation.check(false, "memberId", "must be a positive id");
            return 0;
        }
    }

    private static int limit(Validation validation, String value) {
        try {
            int limit = Integer.parseInt(value);
            validation.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT);
            return limit;
        } catch (NumberFormatException notANumber) {
            validation.check(false, "limit", "must be a whole number from 1 to " + MAX_LIMIT);
            return DEFAULT_LIMIT;
        }
    }
}
