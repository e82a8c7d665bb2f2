package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberPatchTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().clock(CLOCK).start();
        acme = ApiSession.acme(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void patchTakesAJsonPatchArrayWithOrWithoutALeadingSlashAndAnswersTheFullMember() {
        long id = create();

        HttpResponse<String> patched = acme.patch("/system/members/" + id, "[{\"op\":\"replace\",\"path\":\"title\","
                + "\"value\":\"Lead\"},{\"op\":\"replace\",\"path\":\"/lastName\",\"value\":\"Renamed\"}]");

        assertEquals(200, patched.statusCode());
        JsonNode member = ApiSession.json(patched);
        assertEquals("Lead", member.get("title").asText());
        assertEquals("Renamed", member.get("lastName").asText());
        assertEquals("Casey", member.get("firstName").asText());
        assertEquals("Technician", member.at("/securityRole/name").asText());
    }

    @Test
    void aPlainObjectIsNotAPatch() {
        long id = create();

        HttpResponse<String> refused = acme.patch("/system/members/" + id, "{\"title\":\"Lead\"}");

        assertEquals(400, refused.statusCode());
        assertEquals("InvalidObject", ApiSession.json(refused).get("code").asText());
    }

    @Test
    void pathsAreCaseSensitiveAndAnUnknownPathIsNamed() {
        long id = create();

        HttpResponse<String> refused = acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"FirstName\",\"value\":\"X\"}]");

        assertEquals(400, refused.statusCode());
        assertEquals("FirstName", ApiSession.json(refused).at("/errors/0/field").asText());
        assertTrue(refused.body().contains("'FirstName'"));
        assertEquals("Casey", simulator.members("acme").get(id).get("firstName").asText());
    }

    @Test
    void aPathInsideAReferenceAnswers200AndChangesNothing() {
        long id = create();
        ObjectNode before = simulator.members("acme").get(id);
        CLOCK.advance(Duration.ofMinutes(5));

        HttpResponse<String> falseSuccess = acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"securityRole/id\",\"value\":1}]");

        assertEquals(200, falseSuccess.statusCode());
        assertEquals(before.toString(), falseSuccess.body());
        assertEquals(MemberFixtures.TECHNICIAN, simulator.members("acme").get(id).at("/securityRole/id").asLong());
    }

    @Test
    void replacingAReferenceWholeChangesIt() {
        long id = create();

        HttpResponse<String> patched = acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"securityRole\",\"value\":{\"id\":1}}]");

        assertEquals("Admin", ApiSession.json(patched).at("/securityRole/name").asText());
    }

    @Test
    void theResultIsValidatedLikeACreate() {
        long id = create();

        HttpResponse<String> removed = acme.patch("/system/members/" + id, "[{\"op\":\"remove\",\"path\":\"lastName\"}]");
        HttpResponse<String> tooLong = acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"" + "t".repeat(51) + "\"}]");

        assertEquals("MissingRequiredField", ApiSession.json(removed).at("/errors/0/code").asText());
        assertEquals("title", ApiSession.json(tooLong).at("/errors/0/field").asText());
    }

    @Test
    void lastUpdatedAndUpdatedByMoveOnEveryChangeAtOneSecondResolution() {
        long id = create();
        CLOCK.advance(Duration.ofMinutes(10).plusMillis(700));
        Instant expected = CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        JsonNode patched = ApiSession.json(acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":true}]"));

        assertEquals(expected.toString(), patched.at("/_info/lastUpdated").asText());
        assertEquals("apimember", patched.at("/_info/updatedBy").asText());
        assertTrue(patched.get("inactiveFlag").asBoolean());
        assertEquals(expected.toString(), patched.get("inactiveDate").asText());
        CLOCK.advance(Duration.ofMinutes(1));
        ObjectNode byConsole = simulator.members("acme").update(id, member -> member.put("title", "Back office"));
        assertEquals(expected.plusSeconds(60).toString(), byConsole.at("/_info/lastUpdated").asText());
        assertEquals(SimMembers.CONSOLE_USER, byConsole.at("/_info/updatedBy").asText());
    }

    @Test
    void anExplicitInactiveDateIsKeptAndReactivationClearsIt() {
        long id = create();

        JsonNode inactive = ApiSession.json(acme.patch("/system/members/" + id, "[{\"op\":\"replace\",\"path\":"
                + "\"inactiveFlag\",\"value\":true},{\"op\":\"replace\",\"path\":\"inactiveDate\","
                + "\"value\":\"2026-04-20T09:30:00Z\"}]"));
        JsonNode active = ApiSession.json(acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":false}]"));

        assertEquals("2026-04-20T09:30:00Z", inactive.get("inactiveDate").asText());
        assertFalse(active.has("inactiveDate"));
    }

    @Test
    void putReplacesTheWholeMember() {
        long id = create();
        ObjectNode replacement = MemberFixtures.newMember("cput" + PEOPLE.incrementAndGet()).put("title", "Replaced");

        HttpResponse<String> replaced = acme.put("/system/members/" + id, replacement);

        assertEquals(200, replaced.statusCode());
        assertEquals("Replaced", ApiSession.json(replaced).get("title").asText());
        assertEquals(replacement.get("identifier").asText(), ApiSession.json(replaced).get("identifier").asText());
    }

    @ParameterizedTest
    @MethodSource("dev.cwlifecycle.simulator.MemberFixtures#required")
    void putNeedsEveryRequiredField(String field) {
        long id = create();
        ObjectNode incomplete = MemberFixtures.newMember("cput" + PEOPLE.incrementAndGet());
        incomplete.remove(field);

        HttpResponse<String> refused = acme.put("/system/members/" + id, incomplete);

        MemberFixtures.assertMissingOnly(field, refused);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        HttpResponse<String> missing = acme.patch("/system/members/987654",
                "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]");

        assertEquals(404, missing.statusCode());
        assertEquals("{\"code\":\"NotFound\",\"message\":\"Member 987654 not found\"}", missing.body());
    }

    private static long create() {
        HttpResponse<String> created = acme.post("/system/members",
                MemberFixtures.newMember("cpatch" + PEOPLE.incrementAndGet()));
        assertEquals(201, created.statusCode(), created.body());
        return ApiSession.json(created).get("id").asLong();
    }
}
