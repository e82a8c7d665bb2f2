package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberLifecycleTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;
    private static SimMembers members;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(60).start();
        acme = ApiSession.acme(simulator);
        members = simulator.members("acme");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void deactivateHandsEachNamedKindToItsMemberLeavesTheRestAndAnswers200WithCounts() {
        long leaver = create();
        long successor = create();
        members.assignWork(leaver, "serviceTeam", 2);
        members.assignWork(leaver, "projectManager", 1);
        members.assignWork(leaver, "ticket", 3);
        members.assignCompanyTeam(leaver, 7, "Contoso");
        int seats = members.activeFullSeats();

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"serviceTeam\":{\"reAssignToMember\":{\"id\":" + successor + "}},"
                        + "\"companyTeam\":[{\"id\":7,\"name\":\"Contoso\",\"reAssignToMember\":{\"id\":" + successor
                        + "}}],\"deleteOpenTimeSheetsFlag\":false}");

        assertEquals(200, done.statusCode(), done.body());
        JsonNode answer = ApiSession.json(done);
        assertEquals(2, answer.at("/serviceTeam/count").asInt());
        assertEquals(successor, answer.at("/serviceTeam/reAssignToMember/id").asLong());
        assertEquals(1, answer.at("/companyTeam/0/count").asInt());
        assertFalse(answer.has("projectManager"), "nobody was named for projectManager");
        assertEquals(Map.of("serviceTeam", 2, "companyTeam", 1), members.openWork(successor));
        assertEquals(Map.of("projectManager", 1, "ticket", 3), members.openWork(leaver));
        assertTrue(members.get(leaver).get("inactiveFlag").asBoolean());
        assertTrue(members.get(leaver).has("inactiveDate"));
        assertEquals(seats - 1, members.activeFullSeats());
    }

    @Test
    void aTopLevelReAssignToMemberIsNotTheSpecsShapeAndHandsNothingOver() {
        long leaver = create();
        long successor = create();
        members.assignWork(leaver, "serviceTeam", 2);

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + successor + "}}");

        assertEquals(200, done.statusCode(), done.body());
        assertEquals(Map.of("serviceTeam", 2), members.openWork(leaver));
        assertEquals(Map.of(), members.openWork(successor));
        assertEquals(List.of("reAssignToMember"), lastRequest().ignoredProperties());
    }

    @Test
    void usagesListWhatStillPointsAtTheMember() {
        long member = create();
        members.assignWork(member, "projectManager", 2);
        members.assignCompanyTeam(member, 9, "Fabrikam");

        JsonNode usages = ApiSession.json(acme.get("/system/members/" + member + "/usages"));

        assertEquals("[{\"type\":\"projectManager\",\"typeKey\":\"projectManager\",\"count\":2},"
                + "{\"type\":\"companyTeam\",\"typeKey\":\"companyTeam\",\"count\":1,\"id\":9,"
                + "\"description\":\"Fabrikam\"}]", usages.toString());
    }

    @Test
    void theHandOverMemberMayBeNamedByIdentifier() {
        long leaver = create();
        long successor = create();
        members.assignWork(leaver, "projectManager", 1);

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"projectManager\":{\"reAssignToMember\":{\"identifier\":\""
                        + members.get(successor).get("identifier").asText() + "\"}}}");

        assertEquals(200, done.statusCode());
        assertEquals(Map.of("projectManager", 1), members.openWork(successor));
    }

    @Test
    void aNamedHandOverMemberMustExistBeActiveAndBeSomeoneElse() {
        long leaver = create();
        long inactive = create();
        members.update(inactive, member -> member.put("inactiveFlag", true));

        for (String reference : List.of("{\"id\":999999}", "{\"id\":" + inactive + "}", "{\"id\":" + leaver + "}")) {
            HttpResponse<String> refused = acme.post("/system/members/" + leaver + "/deactivate",
                    "{\"serviceTeam\":{\"reAssignToMember\":" + reference + "}}");

            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("serviceTeam.reAssignToMember", ApiSession.json(refused).at("/errors/0/field").asText());
        }
        assertFalse(members.get(leaver).get("inactiveFlag").asBoolean());
    }

    @Test
    void openTimeSheetsBlockDeactivationUnlessTheyAreDeleted() {
        long leaver = create();
        members.markOpenTimeSheets(leaver);

        HttpResponse<String> blocked = acme.post("/system/members/" + leaver + "/deactivate", "{}");
        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"deleteOpenTimeSheetsFlag\":true}");

        assertEquals(400, blocked.statusCode());
        assertEquals("deleteOpenTimeSheetsFlag", ApiSession.json(blocked).at("/errors/0/field").asText());
        assertEquals(200, done.statusCode());
        assertFalse(members.hasOpenTimeSheets(leaver));
    }

    @Test
    void deleteIsNotInTheSpecAndAnswers405WithConnectWisesBody() {
        long clean = create();

        HttpResponse<String> refused = acme.delete("/system/members/" + clean);

        assertEquals(405, refused.statusCode());
        assertEquals("{\"code\":\"ConnectWiseApi\",\"message\":\"The requested resource does not support http"
                + " method 'DELETE'.\"}", refused.body());
        assertFalse(members.get(clean).get("inactiveFlag").asBoolean());
    }

    @Test
    void theSeedGuidesDeleteIsAConflictForAMemberWithHistoryAndOtherwise204ThenNotFound() {
        try (ConnectWiseSimulator seeded = ConnectWiseSimulator.builder().seedMembers(60).start()) {
            seeded.memberDelete(true);
            ApiSession site = ApiSession.acme(seeded);
            SimMembers seededMembers = seeded.members("acme");
            long withHistory = id(site.post("/system/members", MemberFixtures.newMember("hist1")));
            long clean = id(site.post("/system/members", MemberFixtures.newMember("clean1")));
            seededMembers.markHistory(withHistory);

            HttpResponse<String> conflict = site.delete("/system/members/" + withHistory);
            HttpResponse<String> deleted = site.delete("/system/members/" + clean);

            assertEquals(409, conflict.statusCode());
            assertEquals("Conflict", ApiSession.json(conflict).get("code").asText());
            assertEquals(204, deleted.statusCode());
            assertEquals("", deleted.body());
            assertEquals(404, site.get("/system/members/" + clean).statusCode());
            assertEquals(404, site.delete("/system/members/" + clean).statusCode());
            assertNull(seededMembers.get(clean));
            assertThrows(ApiFailure.class, () -> seededMembers.delete(withHistory));
            long seededWithHistory = seededMembers.all().stream().map(member -> member.get("id").asLong())
                    .filter(seededMembers::hasHistory).count();
            assertTrue(seededWithHistory >= 8 && seededWithHistory <= 30, "seeded with history: " + seededWithHistory);
            HttpResponse<String> again = site.post("/system/members", MemberFixtures.newMember("clean1"));
            assertEquals(201, again.statusCode(), "a deleted member's identifier and email can be used again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/system/members/types, Full Time Employee", "/system/locations, Headquarters",
            "/system/departments, Services", "/system/timeZoneSetups, Eastern"})
    void theSetupTablesMembersReferToAreListed(String table, String first) {
        JsonNode rows = ApiSession.json(acme.get(table));

        assertTrue(rows.size() >= 3);
        assertEquals(first, rows.get(0).get("name").asText());
        assertEquals(rows.get(1), ApiSession.json(acme.get(table + "/" + rows.get(1).get("id"))));
        assertEquals(404, acme.get(table + "/99999").statusCode());
    }

    private static RecordedRequest lastRequest() {
        List<RecordedRequest> all = simulator.requestLog().all();
        return all.get(all.size() - 1);
    }

    private static long id(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return ApiSession.json(created).get("id").asLong();
    }

    private static long create() {
        HttpResponse<String> created = acme.post("/system/members",
                MemberFixtures.newMember("clife" + PEOPLE.incrementAndGet()));
        assertEquals(201, created.statusCode(), created.body());
        return ApiSession.json(created).get("id").asLong();
    }
}
