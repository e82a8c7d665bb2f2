package dev.cwlifecycle.members;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class MembersFunctionTest {

    private static final String TENANT = "default";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Inject
    MemberDirectory directory;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
        members = simulator.members("acme");
    }

    @Test
    void aMemberByIdentifierComesFromTheDirectoryWithoutAConnectWiseRequest() {
        Member member = synced(newMember());

        Answer answer = byIdentifier(member.identifier(), Map.of());

        assertEquals(200, answer.status(), answer.rawBody());
        JsonNode body = answer.body();
        assertEquals(member.id(), body.get("memberId").asLong());
        assertEquals(member.identifier(), body.get("identifier").asText());
        assertEquals("Rea", body.get("firstName").asText());
        assertEquals(member.lastName(), body.get("lastName").asText());
        assertEquals(member.officeEmail(), body.get("email").asText());
        assertEquals("F", body.get("licenseClass").asText());
        assertEquals(member.securityRole().name(), body.get("role").asText());
        assertTrue(body.get("active").asBoolean());
        assertFalse(body.get("deleted").asBoolean());
        assertEquals(member.lastUpdated(), Instant.parse(body.get("lastUpdated").asText()));
        assertNotNull(Instant.parse(body.get("syncedAt").asText()));
        assertEquals(List.of(), simulator.requestLog().all(), "a read asks ConnectWise nothing");
    }

    @Test
    void aMemberByIdOrByEmailIsAListOfOneWithoutAConnectWiseRequest() {
        Member first = synced(newMember());
        Member second = synced(newMember());

        Answer byId = members(Map.of("memberId", String.valueOf(first.id())));
        Answer byEmail = members(Map.of("email", second.officeEmail().toUpperCase()));

        assertEquals(200, byId.status(), byId.rawBody());
        assertEquals(List.of(first.id()), ids(byId));
        assertNull(byId.body().get("nextCursor"));
        assertEquals(200, byEmail.status(), byEmail.rawBody());
        assertEquals(List.of(second.id()), ids(byEmail));
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void freshReReadsTheMemberWithOneRequestAndRefreshesTheRow() {
        ObjectNode created = newMember();
        long id = created.get("id").asLong();
        Member stale = member(created);
        directory.upsertIfNewer(new DirectoryEntry(TENANT, id, stale.identifier(), stale.firstName(), "Before",
                stale.officeEmail(), stale.securityRole().name(), "F", true, stale.lastUpdated().minusSeconds(60),
                DirectoryEntry.Source.SYNC, false, false));
        simulator.requestLog().clear();

        Answer stored = members(Map.of("memberId", String.valueOf(id)));
        Answer fresh = members(Map.of("memberId", String.valueOf(id), "fresh", "true"));
        List<RecordedRequest> freshRequests = List.copyOf(apiCalls());
        simulator.requestLog().clear();
        Answer afterwards = byIdentifier(stale.identifier(), Map.of());
        Answer freshByIdentifier = byIdentifier(stale.identifier(), Map.of("fresh", "true"));

        assertEquals("Before", stored.body().at("/members/0/lastName").asText());
        assertEquals(200, fresh.status(), fresh.rawBody());
        assertEquals(stale.lastName(), fresh.body().at("/members/0/lastName").asText());
        assertEquals(List.of("GET /system/members/" + id), freshRequests.stream()
                .map(r -> r.method() + " " + r.path()).toList());
        assertEquals(stale.lastName(), afterwards.body().get("lastName").asText(), "the row was refreshed");
        assertEquals(stale.lastName(), freshByIdentifier.body().get("lastName").asText());
        assertEquals(1, apiCalls().size(), "fresh by identifier: one list request");
    }

    @Test
    void anUnknownMemberIs404AndADeletedOneSaysSo() {
        Member deleted = synced(newMember());
        directory.tombstone(TENANT, deleted.id(), deleted.lastUpdated().plusSeconds(1));

        Answer unknown = byIdentifier("nobodyhere", Map.of());
        Answer unknownId = members(Map.of("memberId", "987654"));
        Answer gone = byIdentifier(deleted.identifier(), Map.of());
        Answer goneById = members(Map.of("memberId", String.valueOf(deleted.id())));
        Answer goneByEmail = members(Map.of("email", deleted.officeEmail()));

        assertEquals(404, unknown.status());
        assertEquals("urn:cw-lifecycle:problem:member-not-found", unknown.body().get("type").asText());
        assertNull(unknown.body().get("deleted"));
        assertEquals(404, unknownId.status());
        for (Answer answer : List.of(gone, goneById, goneByEmail)) {
            assertEquals(404, answer.status(), answer.rawBody());
            assertEquals("urn:cw-lifecycle:problem:member-not-found", answer.body().get("type").asText());
            assertTrue(answer.body().get("deleted").asBoolean(), answer.rawBody());
            assertEquals(deleted.id(), answer.body().get("memberId").asLong());
        }
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void pagesWalkTheDirectoryInIdOrderWithAnOpaqueCursor() {
        List<Long> active = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            active.add(synced(newMember()).id());
        }
        ObjectNode leaver = newMember();
        members.update(leaver.get("id").asLong(), m -> m.put("inactiveFlag", true));
        long inactive = synced(members.get(leaver.get("id").asLong())).id();
        simulator.requestLog().clear();

        List<Long> seen = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>(Map.of("active", "true", "limit", "2"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Answer page = members(query);
            assertEquals(200, page.status(), page.rawBody());
            assertTrue(page.body().get("members").size() <= 2);
            page.body().get("members").forEach(m -> assertTrue(m.get("active").asBoolean()));
            seen.addAll(ids(page));
            cursor = page.body().hasNonNull("nextCursor") ? page.body().get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertTrue(seen.containsAll(active), seen.toString());
        assertFalse(seen.contains(inactive));
        assertEquals(seen.stream().sorted().distinct().toList(), seen, "in id order, each once");
        assertTrue(pages >= 3);
        assertEquals(List.of(inactive), ids(members(Map.of("active", "false", "limit", "1000"))).stream()
                .filter(id -> id == inactive).toList());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void aCursorMadeForAnotherTenantOrEditedIsRefused() {
        synced(newMember());

        Answer foreign = members(Map.of("cursor", DirectoryCursor.of("other-tenant", 1)));
        Answer garbage = members(Map.of("cursor", "eyJub3QiOiJ1cyJ9"));

        for (Answer answer : List.of(foreign, garbage)) {
            assertEquals(400, answer.status(), answer.rawBody());
            assertEquals("cursor", answer.body().at("/errors/0/field").asText());
        }
    }

    @Test
    void badQueriesAreRefusedNamingEachParameterBeforeAnyRead() {
        Answer limits = members(Map.of("limit", "0", "active", "maybe"));
        Answer tooMany = members(Map.of("limit", "1001"));
        Answer mixed = members(Map.of("memberId", "7", "email", "a@acme.example"));
        Answer unknown = members(Map.of("name", "x"));
        Answer freshPage = members(Map.of("fresh", "true"));
        Answer badId = members(Map.of("memberId", "seven"));
        Answer badIdentifier = byIdentifier("much-too-long-identifier", Map.of());
        Answer unknownOnMember = byIdentifier("jdoe", Map.of("limit", "3"));

        assertEquals(List.of("active", "limit"), fields(limits));
        assertEquals(List.of("limit"), fields(tooMany));
        assertEquals(List.of("memberId"), fields(mixed));
        assertEquals(List.of("name"), fields(unknown));
        assertEquals(List.of("fresh"), fields(freshPage));
        assertEquals(List.of("memberId"), fields(badId));
        assertEquals(List.of("identifier"), fields(badIdentifier));
        assertEquals(List.of("limit"), fields(unknownOnMember));
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void aReadWithoutTheBearerTokenIs401() {
        Answer answer = LambdaInvoker.invoke(GatewayEvents.get("/members", "/members", Map.of(), Map.of(),
                Map.of("authorization", "Bearer wrong")));

        assertEquals(401, answer.status(), answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void theContractIsServedAsYaml() {
        Map<String, String> anonymous = new java.util.HashMap<>();
        anonymous.put("authorization", null);
        Answer answer = LambdaInvoker.invoke(GatewayEvents.get("/openapi.yaml", "/openapi.yaml", Map.of(), Map.of(),
                anonymous));

        assertEquals(200, answer.status());
        assertEquals("application/yaml", answer.header("Content-Type"));
        assertTrue(answer.rawBody().startsWith("openapi: 3.1"), answer.rawBody());
    }

    private ObjectNode newMember() {
        int n = PEOPLE.incrementAndGet();
        ObjectNode fields = ConnectWiseJson.MAPPER.createObjectNode();
        fields.put("identifier", "reader" + n).put("firstName", "Rea").put("lastName", "Der" + n)
                .put("officeEmail", "reader" + n + "@acme.example").put("licenseClass", "F");
        fields.putObject("securityRole").put("id", 2);
        return members.create(fields);
    }

    /** The member as a sync would have written it into the directory. */
    private Member synced(ObjectNode created) {
        Member member = member(created);
        directory.upsertIfNewer(DirectoryEntry.of(TENANT, member, DirectoryEntry.Source.SYNC));
        simulator.requestLog().clear();
        return member;
    }

    private static Member member(ObjectNode json) {
        try {
            return ConnectWiseJson.MAPPER.treeToValue(json, Member.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Answer byIdentifier(String identifier, Map<String, String> query) {
        return LambdaInvoker.invoke(GatewayEvents.get("/members/{identifier}", "/members/" + identifier,
                Map.of("identifier", identifier), query, Map.of()));
    }

    private static Answer members(Map<String, String> query) {
        return LambdaInvoker.invoke(GatewayEvents.get("/members", "/members", Map.of(), query, Map.of()));
    }

    private static List<Long> ids(Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.body().get("members").forEach(member -> ids.add(member.get("memberId").asLong()));
        return ids;
    }

    private static List<String> fields(Answer answer) {
        assertEquals(400, answer.status(), answer.rawBody());
        List<String> fields = new ArrayList<>();
        answer.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private List<RecordedRequest> apiCalls() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }
}
