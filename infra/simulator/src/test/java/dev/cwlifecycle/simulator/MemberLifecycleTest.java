package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
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
    void deactivateHandsOverToAnActiveMemberAndAnswers204() {
        long leaver = create();
        long successor = create();
        int seats = members.activeFullSeats();

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + successor + "},\"deleteOpenTimeSheetsFlag\":false}");

        assertEquals(204, done.statusCode());
        JsonNode member = members.get(leaver);
        assertTrue(member.get("inactiveFlag").asBoolean());
        assertTrue(member.has("inactiveDate"));
        assertEquals(seats - 1, members.activeFullSeats());
    }

    @Test
    void theHandOverMemberMayBeNamedByIdentifier() {
        long leaver = create();
        String successor = members.get(create()).get("identifier").asText();

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"identifier\":\"" + successor + "\"}}");

        assertEquals(204, done.statusCode());
    }

    @Test
    void theHandOverMemberMustExistBeActiveAndBeSomeoneElse() {
        long leaver = create();
        long inactive = create();
        members.update(inactive, member -> member.put("inactiveFlag", true));

        HttpResponse<String> missing = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":999999}}");
        HttpResponse<String> notActive = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + inactive + "}}");
        HttpResponse<String> self = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + leaver + "}}");
        HttpResponse<String> nobody = acme.post("/system/members/" + leaver + "/deactivate", "{}");

        for (HttpResponse<String> refused : new HttpResponse[]{missing, notActive, self, nobody}) {
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("reAssignToMember", ApiSession.json(refused).at("/errors/0/field").asText());
        }
        assertFalse(members.get(leaver).get("inactiveFlag").asBoolean());
    }

    @Test
    void openTimeSheetsBlockDeactivationUnlessTheyAreDeleted() {
        long leaver = create();
        long successor = create();
        members.markOpenTimeSheets(leaver);

        HttpResponse<String> blocked = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + successor + "}}");
        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate",
                "{\"reAssignToMember\":{\"id\":" + successor + "},\"deleteOpenTimeSheetsFlag\":true}");

        assertEquals(400, blocked.statusCode());
        assertEquals("deleteOpenTimeSheetsFlag", ApiSession.json(blocked).at("/errors/0/field").asText());
        assertEquals(204, done.statusCode());
        assertFalse(members.hasOpenTimeSheets(leaver));
    }

    @Test
    void deleteIsAConflictForAMemberWithHistoryAndOtherwise204ThenNotFound() {
        long withHistory = create();
        long clean = create();
        members.markHistory(withHistory);

        HttpResponse<String> conflict = acme.delete("/system/members/" + withHistory);
        HttpResponse<String> deleted = acme.delete("/system/members/" + clean);

        assertEquals(409, conflict.statusCode());
        assertEquals("Conflict", ApiSession.json(conflict).get("code").asText());
        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, acme.get("/system/members/" + clean).statusCode());
        assertEquals(404, acme.delete("/system/members/" + clean).statusCode());
        assertNull(members.get(clean));
        assertThrows(ApiFailure.class, () -> members.delete(withHistory));
    }

    @Test
    void aboutAThirdOfTheSeededMembersHaveHistoryAndCannotBeDeleted() {
        List<Long> withHistory = members.all().stream().map(member -> member.get("id").asLong())
                .filter(members::hasHistory).toList();

        HttpResponse<String> conflict = acme.delete("/system/members/" + withHistory.get(0));

        assertTrue(withHistory.size() >= 8 && withHistory.size() <= 30, "seeded with history: " + withHistory.size());
        assertEquals(409, conflict.statusCode());
    }

    @Test
    void aDeletedMembersIdentifierAndEmailCanBeUsedAgain() {
        long id = create();
        String identifier = members.get(id).get("identifier").asText();
        acme.delete("/system/members/" + id);

        HttpResponse<String> again = acme.post("/system/members", MemberFixtures.newMember(identifier));

        assertEquals(201, again.statusCode());
    }

    @Test
    void memberTypesAreListed() {
        JsonNode types = ApiSession.json(acme.get("/system/members/types"));

        assertTrue(types.size() >= 3);
        assertEquals("Full Time Employee", types.get(0).get("name").asText());
        assertEquals(types.get(1), ApiSession.json(acme.get("/system/members/types/" + types.get(1).get("id"))));
    }

    private static long create() {
        HttpResponse<String> created = acme.post("/system/members",
                MemberFixtures.newMember("clife" + PEOPLE.incrementAndGet()));
        assertEquals(201, created.statusCode(), created.body());
        return ApiSession.json(created).get("id").asLong();
    }
}
