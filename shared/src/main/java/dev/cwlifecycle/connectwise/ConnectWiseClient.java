package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.cache.TtlCache;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.MemberDeactivation;
import dev.cwlifecycle.connectwise.model.MemberUsage;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.connectwise.model.SecurityRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The ConnectWise PSA REST API 3.0 operations cw-lifecycle needs, for one tenant. */
public final class ConnectWiseClient {

    private static final String MEMBERS = "/system/members";
    private static final String SECURITY_ROLES = "/system/securityroles";

    private final TenantConnection connection;
    private final TtlCache<String, Map<String, SecurityRole>> roles;
    private final TtlCache<SetupTable, Set<Integer>> setupTables;

    /** The security roles and setup tables are fetched once per {@code roleCacheTtl}. */
    ConnectWiseClient(TenantConnection connection, ConnectWiseConfig config, Clock clock) {
        this(connection, new TtlCache<>(config.roleCacheTtl(), clock), new TtlCache<>(config.roleCacheTtl(), clock));
    }

    private ConnectWiseClient(TenantConnection connection, TtlCache<String, Map<String, SecurityRole>> roles,
                              TtlCache<SetupTable, Set<Integer>> setupTables) {
        this.connection = connection;
        this.roles = roles;
        this.setupTables = setupTables;
    }

    /** This client, with every request it sends (retries included) also counted into {@code counter}. */
    public ConnectWiseClient counting(RequestCounter counter) {
        return new ConnectWiseClient(connection.countingInto(counter), roles, setupTables);
    }

    public String tenant() {
        return connection.tenant();
    }

    /** The site's clock as last seen, to tell a future-dated {@code lastUpdated} from a real change. */
    public SiteClock siteClock() {
        return connection.siteClock();
    }

    /** Members page by page, in id order, fetched lazily as the stream is consumed. */
    public Stream<Page<Member>> memberPages(MemberQuery query) {
        ApiRequest request = ApiRequest.get(MEMBERS).param("conditions", query.conditions());
        if (!query.fields().isEmpty()) {
            List<String> fields = new ArrayList<>(query.fields());
            if (!fields.contains("id")) {
                fields.add(0, "id");
            }
            request = request.param("fields", String.join(",", fields));
        }
        return ForwardPages.stream(new ForwardPages<>(connection::execute, request, query.pageSize(),
                Member.class, Member::id));
    }

    public Stream<Member> members(MemberQuery query) {
        return memberPages(query).flatMap(page -> page.items().stream());
    }

    public long countMembers(Conditions conditions) {
        ApiResponse response = connection.execute(ApiRequest.get(MEMBERS + "/count").param("conditions", conditions));
        return read(response, JsonNode.class).path("count").asLong();
    }

    /** The member; {@link dev.cwlifecycle.connectwise.error.NotFoundException} when there is none. */
    public Member member(long id) {
        return read(connection.execute(ApiRequest.get(MEMBERS + "/" + id)), Member.class);
    }

    public Optional<Member> findByIdentifier(String identifier) {
        return members(MemberQuery.where(Conditions.field("identifier").eq(identifier)).pageSize(2)).findFirst();
    }

    public Optional<Member> findByOfficeEmail(String email) {
        return members(MemberQuery.where(Conditions.field("officeEmail").eq(email)).pageSize(2)).findFirst();
    }

    /** Creates a member: with licence class F this takes a paid seat at once. Never retried blindly. */
    public Member create(Member member) {
        return read(connection.execute(ApiRequest.post(MEMBERS, member)), Member.class);
    }

    public Member patch(long id, JsonPatch patch) {
        return read(connection.execute(ApiRequest.patch(MEMBERS + "/" + id, patch)), Member.class);
    }

    /** Deactivates by JSON Patch ({@code inactiveFlag}, {@code inactiveDate}); history is kept. */
    public Member deactivate(long id, Instant at) {
        return patch(id, JsonPatch.of().replace("inactiveFlag", true)
                .replace("inactiveDate", at.truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Deactivates through {@code /deactivate}, handing the member's open work over as {@code handover} says; answers
     * the count ConnectWise reports handed over per kind ({@code companyTeam}: summed over customers).
     */
    public Map<String, Integer> deactivate(long id, MemberDeactivation handover) {
        JsonNode answer = read(connection.execute(ApiRequest.post(MEMBERS + "/" + id + "/deactivate", handover)),
                JsonNode.class);
        Map<String, Integer> handedOver = new LinkedHashMap<>();
        answer.fields().forEachRemaining(kind -> {
            JsonNode value = kind.getValue();
            int count = value.isArray() ? sum(value) : value.path("count").asInt(0);
            if (count > 0) {
                handedOver.put(kind.getKey(), count);
            }
        });
        return handedOver;
    }

    /** What still points at the member, kind by kind ({@code GET /system/members/{id}/usages}). */
    public List<MemberUsage> usages(long id) {
        return List.of(read(connection.execute(ApiRequest.get(MEMBERS + "/" + id + "/usages")), MemberUsage[].class));
    }

    /**
     * Deletes a member. Not in the published spec: 404 (route missing) or 405 means unsupported here, 409 that the
     * member has history; callers fall back to deactivation.
     */
    public void delete(long id) {
        connection.execute(ApiRequest.delete(MEMBERS + "/" + id));
    }

    /** Security roles by name, case-insensitive; cached per tenant for the configured TTL. */
    public Map<String, SecurityRole> securityRoles() {
        return roles.get(SECURITY_ROLES, path -> {
            Map<String, SecurityRole> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            list(path, null, SecurityRole.class, SecurityRole::id)
                    .forEach(role -> byName.putIfAbsent(role.name(), role));
            return Collections.unmodifiableMap(byName);
        });
    }

    /** The ids in one of the setup tables members refer to; cached per tenant like the roles. */
    public Set<Integer> ids(SetupTable table) {
        return setupTables.get(table, setup -> list(setup.path(), null, Reference.class, Reference::id)
                .map(Reference::id).collect(Collectors.toUnmodifiableSet()));
    }

    public Optional<SecurityRole> securityRole(String name) {
        return Optional.ofNullable(securityRoles().get(name));
    }

    public List<CallbackEntry> callbacks() {
        return list("/system/callbacks", null, CallbackEntry.class, CallbackEntry::id).toList();
    }

    public CallbackEntry registerCallback(CallbackEntry entry) {
        return read(connection.execute(ApiRequest.post("/system/callbacks", entry)), CallbackEntry.class);
    }

    public void deleteCallback(long id) {
        connection.execute(ApiRequest.delete("/system/callbacks/" + id));
    }

    private <T> Stream<T> list(String path, Conditions conditions, Class<T> type,
                               java.util.function.ToLongFunction<T> idOf) {
        ApiRequest request = ApiRequest.get(path).param("conditions", conditions);
        return ForwardPages.stream(new ForwardPages<>(connection::execute, request, MemberQuery.MAX_PAGE_SIZE,
                type, idOf)).flatMap(page -> page.items().stream());
    }

    private static int sum(JsonNode entries) {
        int total = 0;
        for (JsonNode entry : entries) {
            total += entry.path("count").asInt(0);
        }
        return total;
    }

    private static <T> T read(ApiResponse response, Class<T> type) {
        try {
            return ConnectWiseJson.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("ConnectWise sent a body that is not a " + type.getSimpleName(), e);
        }
    }
}
