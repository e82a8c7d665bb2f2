package dev.cwlifecycle.deprovision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.testing.ConsoleMembers;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class DeprovisionFunctionTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Inject
    EmittedMetrics metrics;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
        members = simulator.members("acme");
    }

    @Test
    void aDeprovisionIsCountedByItsActionWithTheAnswersConnectWiseRequests() {
        ObjectNode member = newMember();
        metrics.clear();

        Answer deactivated = byIdentifier(member.get("identifier").asText(), "");
        Map<String, Double> first = metrics.only("deprovision", "default").values();
        metrics.clear();
        Answer again = byIdentifier(member.get("identifier").asText(), "");
        Map<String, Double> second = metrics.only("deprovision", "default").values();
        metrics.clear();
        Answer missing = byIdentifier("nobody" + PEOPLE.incrementAndGet(), "");

        assertEquals("deactivated", deactivated.body().get("action").asText());
        assertEquals(Map.of("deprovision.deactivated", 1.0,
                "connectwise.requests.2xx", deactivated.body().get("connectWiseRequests").asDouble()), first);
        assertEquals("none", again.body().get("action").asText());
        assertEquals(1.0, second.get("deprovision.none"));
        assertEquals(404, missing.status());
        assertEquals(1.0, metrics.only("deprovision", "default").values().get("deprovision.refused.member-not-found"),
                missing.rawBody());
    }

    @Test
    void deactivatesByIdentifierWithOneLookupAndOnePatch() {
        ObjectNode member = newMember();
        int seats = members.activeFullSeats();

        Answer answer = byIdentifier(member.get("identifier").asText(), "");

        assertEquals(200, answer.status());
        assertEquals("inactive", answer.body().get("state").asText());
        assertEquals("deactivated", answer.body().get("action").asText());
        assertEquals(2, answer.body().get("connectWiseRequests").asInt());
        assertEquals(seats - 1, members.activeFullSeats());
        List<RecordedRequest> calls = apiCalls();
        assertEquals(List.of("GET /system/members", "PATCH /system/members/" + id(member)),
                calls.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("identifier=\"" + member.get("identifier").asText() + "\"", calls.get(0).query().get("conditions"));
        JsonNode patch = json(calls.get(1).body());
        assertEquals("inactiveFlag", patch.get(0).get("path").asText());
        assertTrue(patch.get(0).get("value").asBoolean());
        assertEquals("inactiveDate", patch.get(1).get("path").asText());
        assertTrue(members.get(id(member)).get("inactiveFlag").asBoolean());
    }

    @Test
    void findsTheMemberByIdOrByEmail() {
        ObjectNode first = newMember();
        ObjectNode second = newMember();

        Answer byId = byBody("{\"memberId\":" + id(first) + "}");
        Answer byEmail = byBody("{\"email\":\"" + second.get("officeEmail").asText().toUpperCase() + "\"}");

        assertEquals("deactivated", byId.body().get("action").asText());
        assertEquals("deactivated", byEmail.body().get("action").asText());
        assertTrue(apiCalls().stream().anyMatch(r -> r.method().equals("GET")
                && r.path().equals("/system/members/" + id(first))));
        assertTrue(members.get(id(first)).get("inactiveFlag").asBoolean());
        assertTrue(members.get(id(second)).get("inactiveFlag").asBoolean());
    }

    @Test
    void anAlreadyInactiveMemberIsSuccessWithoutAWrite() {
        ObjectNode member = newMember();
        members.update(id(member), m -> m.put("inactiveFlag", true));
        simulator.requestLog().clear();

        Answer answer = byIdentifier(member.get("identifier").asText(), "");

        assertEquals(200, answer.status());
        assertEquals("none", answer.body().get("action").asText());
        assertEquals("already inactive", answer.body().get("detail").asText());
        assertEquals(List.of("GET"), apiCalls().stream().map(RecordedRequest::method).toList());
    }

    @Test
    void anUnknownMemberIs404() {
        Answer answer = byIdentifier("nobodyhere", "");

        assertEquals(404, answer.status());
        assertEquals("urn:cw-lifecycle:problem:member-not-found", answer.body().get("type").asText());
    }

    @Test
    void handsEveryKindOfOpenWorkOverWithTheSpecsBodyAndChecksNothingIsLeft() {
        ObjectNode leaver = newMember();
        ObjectNode successor = newMember();
        long id = id(leaver);
        members.markOpenTimeSheets(id);
        members.assignWork(id, "serviceTeam", 2);
        members.assignWork(id, "projectManager", 1);
        members.assignWork(id, "ticket", 3);
        members.assignCompanyTeam(id, 7, "Contoso");
        simulator.requestLog().clear();

        Answer answer = byIdentifier(leaver.get("identifier").asText(), """
                {"mode":"handover","handoverTo":"%s","deleteOpenTimeSheets":true}"""
                .formatted(successor.get("identifier").asText()));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals("handed-over", answer.body().get("action").asText());
        assertEquals("open work handed to " + successor.get("identifier").asText() + ": serviceTeam 2, "
                + "projectManager 1, companyTeam 1; left with the leaver (ConnectWise's deactivation has no hand-over"
                + " for it): ticket 3", answer.body().get("detail").asText());
        assertEquals(Map.of("serviceTeam", 2, "projectManager", 1, "companyTeam", 1),
                members.openWork(id(successor)));
        assertEquals(Map.of("ticket", 3), members.openWork(id));
        assertTrue(members.get(id).get("inactiveFlag").asBoolean());
        RecordedRequest deactivate = apiCalls().stream().filter(r -> r.path().endsWith("/deactivate")).findFirst()
                .orElseThrow();
        JsonNode body = json(deactivate.body());
        assertFalse(body.has("reAssignToMember"), "the spec has no top-level reAssignToMember");
        String successorReference = "{\"id\":" + id(successor) + ",\"identifier\":\""
                + successor.get("identifier").asText() + "\"}";
        assertEquals(successorReference, body.at("/serviceTeam/reAssignToMember").toString());
        assertEquals(successorReference, body.at("/dutyManager/reAssignToMember").toString());
        assertEquals("[{\"id\":7,\"name\":\"Contoso\",\"reAssignToMember\":" + successorReference + "}]",
                body.get("companyTeam").toString());
        assertFalse(body.has("serviceStatusWorkflow"), "the site reports no status workflow for the leaver");
        assertTrue(body.get("deleteOpenTimeSheetsFlag").asBoolean());
        assertEquals(List.of(), deactivate.ignoredProperties());
        assertEquals(List.of("GET /system/members", "GET /system/members", "GET /system/members/" + id + "/usages",
                "POST /system/members/" + id + "/deactivate", "GET /system/members/" + id,
                "GET /system/members/" + id + "/usages"),
                apiCalls().stream().map(r -> r.method() + " " + r.path()).toList());
    }

    @Test
    void aHandOverThatLeavesNamedWorkWithTheLeaverIsReportedNotSilent() {
        ObjectNode leaver = newMember();
        ObjectNode successor = newMember();
        members.assignWork(id(leaver), "projectManager", 1);
        // someone in ConnectWise's own screens makes the leaver a project manager again right after the hand-over
        simulator.onRequest(request -> {
            if (request.path().endsWith("/deactivate") && members.openWork(id(leaver)).isEmpty()) {
                members.assignWork(id(leaver), "projectManager", 1);
            }
        });

        Answer answer = byIdentifier(leaver.get("identifier").asText(),
                "{\"mode\":\"handover\",\"handoverTo\":\"" + successor.get("identifier").asText() + "\"}");

        assertEquals(502, answer.status(), answer.rawBody());
        assertTrue(answer.rawBody().contains("projectManager"), answer.rawBody());
    }

    @Test
    void refusesAHandOverToAnInactiveMember() {
        ObjectNode leaver = newMember();
        ObjectNode gone = newMember();
        members.update(id(gone), m -> m.put("inactiveFlag", true));

        Answer answer = byIdentifier(leaver.get("identifier").asText(),
                "{\"mode\":\"handover\",\"handoverTo\":\"" + gone.get("identifier").asText() + "\"}");

        assertEquals(422, answer.status());
        assertFalse(members.get(id(leaver)).get("inactiveFlag").asBoolean());
    }

    @Test
    void deletesAMemberWithoutHistoryWhereTheSiteServesTheSeedGuidesDelete() {
        ObjectNode member = newMember();
        simulator.memberDelete(true);
        try {
            Answer answer = byIdentifier(member.get("identifier").asText(), "{\"mode\":\"delete\"}");

            assertEquals("deleted", answer.body().get("state").asText());
            assertEquals("deleted", answer.body().get("action").asText());
            assertNull(members.get(id(member)));
        } finally {
            simulator.memberDelete(false);
        }
    }

    @Test
    void deleteFallsBackToDeactivationAndSaysWhyOnASiteFollowingTheSpec() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member.get("identifier").asText(), "{\"mode\":\"delete\"}");

        assertEquals(200, answer.status());
        assertEquals("inactive", answer.body().get("state").asText());
        assertEquals("deactivated", answer.body().get("action").asText());
        assertEquals("kept: this ConnectWise site has no member delete (405)", answer.body().get("detail").asText());
        assertTrue(members.get(id(member)).get("inactiveFlag").asBoolean());
        assertEquals(List.of(405, 200), apiCalls().stream().filter(r -> !r.method().equals("GET"))
                .map(RecordedRequest::status).toList());
    }

    @Test
    void fallsBackToDeactivationWhenTheSeedGuidesDeleteIsRefusedForHistory() {
        ObjectNode member = newMember();
        simulator.memberDelete(true);
        members.markHistory(id(member));
        try {
            Answer answer = byIdentifier(member.get("identifier").asText(), "{\"mode\":\"delete\"}");

            assertEquals(200, answer.status());
            assertEquals("inactive", answer.body().get("state").asText());
            assertEquals("deactivated", answer.body().get("action").asText());
            assertEquals("kept: ConnectWise refused the delete (409, the member has history)",
                    answer.body().get("detail").asText());
            assertTrue(members.get(id(member)).get("inactiveFlag").asBoolean());
        } finally {
            simulator.memberDelete(false);
        }
    }

    @Test
    void replaysTheSameKeyAndPlansADryRunWithoutWriting() {
        ObjectNode member = newMember();
        String identifier = member.get("identifier").asText();

        Answer plan = byIdentifier(identifier, "{\"dryRun\":true}");
        assertEquals("would-deactivate", plan.body().get("action").asText());
        assertFalse(members.get(id(member)).get("inactiveFlag").asBoolean());

        Answer first = invoke(identifier, "{\"ticket\":{\"system\":\"jira\",\"id\":\"OFF-1\"}}", Map.of());
        Answer again = invoke(identifier, "{\"ticket\":{\"system\":\"jira\",\"id\":\"OFF-1\"}}", Map.of());
        assertEquals(first.rawBody(), again.rawBody());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "identifier with quotes | bob\"or\"1 | | 400 | identifier",
            "identifier and memberId | someone | {\"memberId\":5} | 400 | name the member exactly once",
            "no member at all | | {} | 400 | name the member exactly once",
            "unknown mode | someone | {\"mode\":\"nuke\"} | 400 | deactivate, handover or delete",
            "handoverTo without handover | someone | {\"handoverTo\":\"x\"} | 400 | with mode handover only",
            "handover without handoverTo | someone | {\"mode\":\"handover\"} | 400 | with mode handover only",
            "bad email | | {\"email\":\"nope\"} | 400 | not a valid email",
            "unknown field | someone | {\"force\":true} | 400 | not a known field",
            "memberId as a string | | {\"memberId\":\"5\"} | 400 | memberId\",\"message\":\"has the wrong type: expected a whole number",
            "flags as strings | someone | {\"dryRun\":\"no\",\"deleteOpenTimeSheets\":1} | 400 | deleteOpenTimeSheets\",\"message\":\"has the wrong type: expected true or false"})
    void refusesBadInputWithoutAConnectWiseRequest(String name, String identifier, String body, int status,
                                                   String message) {
        Answer answer = invoke(identifier, body, Map.of());

        assertEquals(status, answer.status(), answer.rawBody());
        assertTrue(answer.rawBody().contains(message), answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void refusesACallerWithoutTheToken() {
        Answer answer = invoke("someone", "", Map.of("authorization", "Bearer wrong"));

        assertEquals(401, answer.status());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void refusesACallerWithoutTheTokenBeforeLookingAtTheTenantRouteOrBody() {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("authorization", null);
        headers.put("CW-Tenant", "no tenant!");

        Answer answer = invoke("bob\"or\"1", "{\"mode\":", headers);

        assertEquals(401, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unauthenticated", answer.body().get("type").asText());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    private ObjectNode newMember() {
        int n = PEOPLE.incrementAndGet();
        ObjectNode created = ConsoleMembers.create(simulator, "leaver" + n, "Lee", "Ver" + n,
                "leaver" + n + "@acme.example");
        simulator.requestLog().clear();
        return created;
    }

    private Answer byIdentifier(String identifier, String body) {
        return invoke(identifier, body, Map.of());
    }

    private Answer byBody(String body) {
        return invoke(null, body, Map.of());
    }

    private static Answer invoke(String identifier, String body, Map<String, String> headers) {
        return LambdaInvoker.invoke(event(identifier, body, headers));
    }

    /** The API Gateway event of a deprovision: by route identifier, or (null) of the member the body names. */
    static String event(String identifier, String body, Map<String, String> headers) {
        return identifier == null
                ? GatewayEvents.post("/members/deprovision", "/members/deprovision", Map.of(), headers, body)
                : GatewayEvents.post("/members/{identifier}/deprovision", "/members/" + identifier + "/deprovision",
                Map.of("identifier", identifier), headers, body);
    }

    private List<RecordedRequest> apiCalls() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }

    private static long id(JsonNode member) {
        return member.get("id").asLong();
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
