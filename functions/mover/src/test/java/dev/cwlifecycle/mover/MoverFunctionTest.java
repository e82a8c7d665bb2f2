package dev.cwlifecycle.mover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.simulator.SpecSchema;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.Race;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mover through the Lambda mock event server, against the simulator and DynamoDB Local (issue 15). */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class MoverFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Inject
    MoverHandler handler;

    @Inject
    MemberDirectory directory;

    @Inject
    EmittedMetrics metrics;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
        members = simulator.members("acme");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "firstName         | {\"firstName\":\" Grace \"}     | [{\"op\":\"replace\",\"path\":\"firstName\",\"value\":\"Grace\"}]",
            "lastName          | {\"lastName\":\"Hopper\"}       | [{\"op\":\"replace\",\"path\":\"lastName\",\"value\":\"Hopper\"}]",
            "title             | {\"title\":\"Lead engineer\"}   | [{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead engineer\"}]",
            "phone             | {\"phone\":\"+1 555 0199\"}     | [{\"op\":\"replace\",\"path\":\"officePhone\",\"value\":\"+1 555 0199\"}]",
            "role              | {\"role\":\"dispatch\"}         | [{\"op\":\"replace\",\"path\":\"securityRole\",\"value\":{\"id\":3}}]",
            "roleId            | {\"roleId\":4}                  | [{\"op\":\"replace\",\"path\":\"securityRole\",\"value\":{\"id\":4}}]",
            "licenseClass      | {\"licenseClass\":\"a\"}        | [{\"op\":\"replace\",\"path\":\"licenseClass\",\"value\":\"A\"}]",
            "defaultLocationId | {\"defaultLocationId\":2}       | [{\"op\":\"replace\",\"path\":\"defaultLocation\",\"value\":{\"id\":2}}]",
            "defaultDepartmentId | {\"defaultDepartmentId\":3}   | [{\"op\":\"replace\",\"path\":\"defaultDepartment\",\"value\":{\"id\":3}}]",
            "timeZoneId        | {\"timeZoneId\":5}              | [{\"op\":\"replace\",\"path\":\"timeZone\",\"value\":{\"id\":5}}]",
            "memberTypeId      | {\"memberTypeId\":3}            | [{\"op\":\"replace\",\"path\":\"type\",\"value\":{\"id\":3}}]"})
    void eachFieldAloneIsOnePatchOfThatFieldOnly(String field, String body, String patch) {
        ObjectNode member = newMember();
        warmCaches(body);

        Answer answer = byIdentifier(member, body);

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals("updated", answer.body().get("outcome").asText());
        assertEquals("[\"" + field + "\"]", answer.body().get("changed").toString());
        assertEquals(2, answer.body().get("connectWiseRequests").asInt(), "one read, one patch");
        assertEquals(List.of("GET /system/members", "PATCH /system/members/" + id(member)), memberCalls());
        assertEquals(json(patch), onlyPatch());
        assertEquals(field.equals("licenseClass"), answer.body().has("seatChange"), answer.rawBody());
    }

    @Test
    void aNewOfficeEmailIsLookedForAmongActiveMembersThenPatched() {
        ObjectNode member = newMember();
        String email = "moved" + PEOPLE.incrementAndGet() + "@acme.example";

        Answer answer = byIdentifier(member, "{\"email\":\"" + email.toUpperCase() + "\"}");

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(List.of("GET /system/members", "GET /system/members", "PATCH /system/members/" + id(member)),
                memberCalls());
        assertEquals("officeEmail=\"" + email.toUpperCase() + "\" and inactiveFlag=false",
                apiCalls().get(1).query().get("conditions"));
        assertEquals(json("[{\"op\":\"replace\",\"path\":\"officeEmail\",\"value\":\"" + email.toUpperCase()
                + "\"}]"), onlyPatch());
        assertEquals(email.toUpperCase(), members.get(id(member)).get("officeEmail").asText());
    }

    @Test
    void everyFieldTogetherIsOnePatchAndTheAnswerShowsTheNewState() {
        ObjectNode member = newMember();
        members.update(id(member), m -> m.put("notes", "Provisioned by cw-lifecycle for ticket jira IT-1"));
        simulator.requestLog().clear();
        String email = "together" + PEOPLE.incrementAndGet() + "@acme.example";

        Answer answer = byIdentifier(member, """
                {"firstName":"Grace","lastName":"Hopper","email":"%s","title":"Rear admiral","phone":"+1 555 0142",
                 "role":"Dispatch","licenseClass":"X","defaultLocationId":3,"defaultDepartmentId":2,"timeZoneId":6,
                 "memberTypeId":2,"ticket":{"system":"jira","id":"MOVE-7"}}""".formatted(email));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(json("""
                [{"op":"replace","path":"firstName","value":"Grace"},
                 {"op":"replace","path":"lastName","value":"Hopper"},
                 {"op":"replace","path":"officeEmail","value":"%s"},
                 {"op":"replace","path":"title","value":"Rear admiral"},
                 {"op":"replace","path":"officePhone","value":"+1 555 0142"},
                 {"op":"replace","path":"securityRole","value":{"id":3}},
                 {"op":"replace","path":"licenseClass","value":"X"},
                 {"op":"replace","path":"defaultLocation","value":{"id":3}},
                 {"op":"replace","path":"defaultDepartment","value":{"id":2}},
                 {"op":"replace","path":"timeZone","value":{"id":6}},
                 {"op":"replace","path":"type","value":{"id":2}},
                 {"op":"replace","path":"notes","value":"Provisioned by cw-lifecycle for ticket jira IT-1\\nChanged by cw-lifecycle for ticket jira MOVE-7"}]
                """.formatted(email)), onlyPatch());
        assertEquals(json("""
                {"identifier":"%s","firstName":"Grace","lastName":"Hopper","email":"%s","title":"Rear admiral",
                 "phone":"+1 555 0142","role":"Dispatch","roleId":3,"licenseClass":"X","defaultLocationId":3,
                 "defaultDepartmentId":2,"timeZoneId":6,"memberTypeId":2,"active":true}"""
                .formatted(identifier(member), email)), answer.body().get("member"));
        assertEquals("[\"firstName\",\"lastName\",\"email\",\"title\",\"phone\",\"role\",\"licenseClass\","
                + "\"defaultLocationId\",\"defaultDepartmentId\",\"timeZoneId\",\"memberTypeId\"]",
                answer.body().get("changed").toString());
        assertEquals("the licence class changes from F (full member) to X (subcontractor): this changes a paid seat",
                answer.body().get("seatChange").asText());
        assertEquals("{\"system\":\"jira\",\"id\":\"MOVE-7\"}", answer.body().get("ticket").toString());
        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"));
        assertEquals("Hopper", members.get(id(member)).get("lastName").asText());
        assertEquals(3, members.get(id(member)).at("/securityRole/id").asInt());
    }

    @Test
    void aMoveIsCountedByItsOutcomeWithTheAnswersConnectWiseRequests() {
        ObjectNode member = newMember();
        metrics.clear();

        Answer updated = byIdentifier(member, "{\"title\":\"Counted\"}");
        Map<String, Double> first = metrics.only("mover", "default").values();
        metrics.clear();
        Answer unchanged = byIdentifier(member, "{\"title\":\"Counted\"}");

        assertEquals(Map.of("mover.updated", 1.0,
                "connectwise.requests.2xx", updated.body().get("connectWiseRequests").asDouble()), first);
        assertEquals("unchanged", unchanged.body().get("outcome").asText());
        assertEquals(1.0, metrics.only("mover", "default").values().get("mover.unchanged"));
    }

    @Test
    void theDirectoryShowsTheChangeAtOnce() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, "{\"lastName\":\"Lovelace\",\"role\":\"Dispatch\"}");

        assertEquals(200, answer.status(), answer.rawBody());
        DirectoryEntry row = directory.get("default", id(member)).orElseThrow();
        assertEquals("Lovelace", row.lastName());
        assertEquals("Dispatch", row.securityRole());
        assertEquals(DirectoryEntry.Source.MOVER, row.source());
        assertEquals(members.get(id(member)).at("/_info/lastUpdated").asText(), row.lastUpdated().toString());
    }

    @Test
    void nothingToChangeIsUnchangedWithoutAWrite() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, """
                {"firstName":"Mo","lastName":"%s","email":"%s","role":"technician","licenseClass":"f",
                 "ticket":{"system":"jira","id":"SAME-1"}}"""
                .formatted(member.get("lastName").asText(), member.get("officeEmail").asText()));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals("unchanged", answer.body().get("outcome").asText());
        assertEquals("[]", answer.body().get("changed").toString());
        assertEquals(List.of("GET /system/members"), memberCalls());
        assertTrue(apiCalls().stream().allMatch(r -> r.method().equals("GET")), apiCalls()::toString);
    }

    @Test
    void aMemberIsAlsoNamedByItsId() {
        ObjectNode member = newMember();

        Answer answer = LambdaInvoker.invoke(GatewayEvents.patch("/members/by-id/{memberId}",
                "/members/by-id/" + id(member), Map.of("memberId", String.valueOf(id(member))), Map.of(),
                "{\"title\":\"Architect\"}"));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(identifier(member), answer.body().get("identifier").asText());
        assertEquals(List.of("GET /system/members/" + id(member), "PATCH /system/members/" + id(member)),
                memberCalls());
        assertEquals("Architect", members.get(id(member)).get("title").asText());
        assertTrue(answer.body().at("/member/defaultLocationId").isNull(), "an empty field is shown as null");
    }

    @Test
    void anOfficeEmailOfAnotherActiveMemberIs409NamingIt() {
        ObjectNode member = newMember();
        ObjectNode holder = newMember();

        Answer answer = byIdentifier(member, "{\"email\":\"" + holder.get("officeEmail").asText() + "\"}");

        assertEquals(409, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:email-taken", answer.body().get("type").asText());
        assertEquals(id(holder), answer.body().get("memberId").asLong());
        assertEquals(identifier(holder), answer.body().get("identifier").asText());
        assertEquals(0, simulator.requestLog().count("PATCH", "/system/members"));
    }

    @Test
    void anUnknownRoleIs422ListingTheValidOnesBeforeTheMemberIsRead() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, "{\"role\":\"Wizard\"}");

        assertEquals(422, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unknown-role", answer.body().get("type").asText());
        assertTrue(answer.body().get("validRoles").toString().contains("\"Technician\""), answer.rawBody());
        assertEquals(List.of(), memberCalls());
    }

    @Test
    void anUnknownReferenceIs422NamingOurField() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, "{\"defaultLocationId\":99,\"timeZoneId\":2}");

        assertEquals(422, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unknown-reference", answer.body().get("type").asText());
        assertEquals("[{\"field\":\"defaultLocationId\",\"message\":\"does not exist in ConnectWise\"}]",
                answer.body().get("errors").toString());
        assertEquals(List.of(), memberCalls());
    }

    @Test
    void anInactiveMemberIs409ToReactivateThroughProvision() {
        ObjectNode member = newMember();
        members.update(id(member), m -> m.put("inactiveFlag", true));
        simulator.requestLog().clear();

        Answer answer = byIdentifier(member, "{\"title\":\"Back again\"}");

        assertEquals(409, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:member-inactive", answer.body().get("type").asText());
        assertTrue(answer.body().get("detail").asText().contains("reactivate it through provision"), answer.rawBody());
        assertEquals(List.of("GET /system/members"), memberCalls());
    }

    @Test
    void anUnknownMemberIs404() {
        Answer answer = LambdaInvoker.invoke(GatewayEvents.patch("/members/{identifier}", "/members/nobodyhere",
                Map.of("identifier", "nobodyhere"), Map.of(), "{\"title\":\"x\"}"));

        assertEquals(404, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:member-not-found", answer.body().get("type").asText());
    }

    @Test
    void aDryRunPlansWithoutWriting() {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, "{\"title\":\"Planned\",\"licenseClass\":\"A\",\"dryRun\":true}");

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals("would-update", answer.body().get("outcome").asText());
        assertEquals("Planned", answer.body().at("/member/title").asText());
        assertEquals("A", answer.body().at("/member/licenseClass").asText());
        assertTrue(answer.body().has("seatChange"));
        assertTrue(apiCalls().stream().allMatch(r -> r.method().equals("GET")), apiCalls()::toString);
        assertFalse(members.get(id(member)).has("title"));
    }

    @Test
    void aChangeMadeInConnectWiseBetweenTheReadAndThePatchIsKept() {
        ObjectNode member = newMember();
        AtomicBoolean once = new AtomicBoolean();
        // someone edits the member's title in ConnectWise's own screens right after our read
        simulator.onRequest(request -> {
            if (request.method().equals("GET") && request.path().equals("/system/members")
                    && String.valueOf(request.query().get("conditions")).contains(identifier(member))
                    && once.compareAndSet(false, true)) {
                members.update(id(member), m -> m.put("title", "Set in ConnectWise"));
            }
        });

        Answer answer = byIdentifier(member, "{\"lastName\":\"Changed\"}");

        assertEquals(200, answer.status(), answer.rawBody());
        assertTrue(once.get());
        assertEquals(json("[{\"op\":\"replace\",\"path\":\"lastName\",\"value\":\"Changed\"}]"), onlyPatch());
        assertEquals("Set in ConnectWise", members.get(id(member)).get("title").asText());
        assertEquals("Changed", members.get(id(member)).get("lastName").asText());
    }

    @Test
    void theSameKeyIsReplayedAndAnotherPayloadUnderItRefused() {
        ObjectNode member = newMember();
        Map<String, String> key = Map.of("Idempotency-Key", "MOVE-" + PEOPLE.incrementAndGet());

        Answer first = invoke(member, "{\"title\":\"Once\"}", key);
        Answer again = invoke(member, "{\"title\":\"Once\"}", key);
        Answer other = invoke(member, "{\"title\":\"Twice\"}", key);

        assertEquals(first.rawBody(), again.rawBody());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(422, other.status(), other.rawBody());
        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"));
    }

    @Test
    void twentyIdenticalMovesWithOneKeyAtOnceMakeOnePatch() throws Exception {
        ObjectNode member = newMember();
        String event = event(member, "{\"role\":\"Sales\",\"title\":\"Account lead\"}",
                Map.of("Idempotency-Key", "RACE-" + PEOPLE.incrementAndGet()));

        List<Answer> answers = Race.run(20, i -> () -> LambdaInvoker.handle(handler::handle, event));

        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"), "one write");
        assertTrue(answers.stream().allMatch(a -> a.status() == 200 || a.status() == 409), statuses(answers));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200 && a.header("Idempotent-Replayed") == null)
                .count(), statuses(answers));
        assertTrue(answers.stream().filter(a -> a.status() == 200)
                .allMatch(a -> "updated".equals(a.body().get("outcome").asText())), statuses(answers));
    }

    @Test
    void twentyIdenticalMovesWithoutAKeyAtOnceMakeOnePatchAndTheOthersFindItDone() throws Exception {
        ObjectNode member = newMember();
        String event = event(member, "{\"title\":\"Raced\"}", Map.of());

        List<Answer> answers = Race.run(20, i -> () -> LambdaInvoker.handle(handler::handle, event));

        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"), "one write");
        assertEquals(1, answers.stream().filter(a -> "updated".equals(a.body().path("outcome").asText())).count(),
                statuses(answers));
        // the others wait for the member's lock; one that waits longer than the lock allows is told to retry (409)
        assertEquals(19, answers.stream().filter(a -> "unchanged".equals(a.body().path("outcome").asText())
                || a.status() == 409 && "urn:cw-lifecycle:problem:in-progress".equals(a.body().path("type").asText()))
                .count(), statuses(answers));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty object                | {}                                              | body",
            "only a ticket               | {\"ticket\":{\"system\":\"jira\",\"id\":\"X-1\"}} | body",
            "unknown field               | {\"department\":\"Sales\"}                      | department",
            "identifier is not changeable | {\"identifier\":\"newname\"}                   | identifier",
            "blank first name            | {\"firstName\":\"  \"}                          | firstName",
            "last name too long          | {\"lastName\":\"abcdefghijklmnopqrstuvwxyzabcde\"} | lastName",
            "bad email                   | {\"email\":\"not-an-email\"}                    | email",
            "zero-width space in email   | {\"email\":\"a\u200Bb@acme.example\"}           | email",
            "bidi override in title      | {\"title\":\"Lead\u202E\"}                      | title",
            "phone too long              | {\"phone\":\"+1 555 0100 0100 99\"}             | phone",
            "role and roleId             | {\"role\":\"Sales\",\"roleId\":4}               | role",
            "blank role                  | {\"role\":\" \"}                               | role",
            "role with a quote           | {\"role\":\"Sa\\\"les\"}                        | role",
            "roleId zero                 | {\"roleId\":0}                                  | roleId",
            "roleId as text              | {\"roleId\":\"4\"}                              | roleId",
            "unknown licence class       | {\"licenseClass\":\"Z\"}                        | licenseClass",
            "negative location           | {\"defaultLocationId\":-1}                      | defaultLocationId",
            "time zone as a fraction     | {\"timeZoneId\":1.5}                            | timeZoneId",
            "ticket without system       | {\"title\":\"x\",\"ticket\":{\"id\":\"X-1\"}}   | ticket.system",
            "dryRun as text              | {\"title\":\"x\",\"dryRun\":\"yes\"}            | dryRun",
            "a duplicate key             | {\"title\":\"a\",\"title\":\"b\"}               | title",
            "a number past the limit     | {\"roleId\":1000000000000000000000000000000000000000000000000000000000000000000000} | ",
            "not an object               | [\"title\"]                                      | "})
    void refusesBadInputWithoutAConnectWiseRequest(String name, String body, String field) {
        ObjectNode member = newMember();

        Answer answer = byIdentifier(member, body);

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        if (field != null) {
            assertTrue(answer.body().get("errors").toString().contains("\"field\":\"" + field + "\""),
                    answer.rawBody());
        }
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "identifier with a quote | /members/{identifier}       | identifier | bob\"x  | identifier",
            "identifier too long     | /members/{identifier}       | identifier | abcdefghijklmnop | identifier",
            "memberId not a number   | /members/by-id/{memberId}   | memberId   | 12abc   | memberId",
            "memberId zero           | /members/by-id/{memberId}   | memberId   | 0       | memberId"})
    void refusesABadRouteWithoutAConnectWiseRequest(String name, String route, String parameter, String value,
                                                    String field) {
        Answer answer = LambdaInvoker.invoke(GatewayEvents.patch(route, route.replace("{" + parameter + "}", value),
                Map.of(parameter, value), Map.of(), "{\"title\":\"x\"}"));

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals(field, answer.body().at("/errors/0/field").asText(), answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void refusesACallerWithoutTheToken() {
        ObjectNode member = newMember();

        Answer answer = invoke(member, "{\"title\":\"x\"}", Map.of("authorization", "Bearer wrong"));

        assertEquals(401, answer.status());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    /** The role and setup tables a body names are cached by a first request, so a test counts only its own. */
    private void warmCaches(String body) {
        ObjectNode scratch = newMember();
        invoke(scratch, body.replace("}", ",\"dryRun\":true}"), Map.of());
        simulator.requestLog().clear();
    }

    private ObjectNode newMember() {
        int n = PEOPLE.incrementAndGet();
        ObjectNode fields = JSON.createObjectNode();
        fields.put("identifier", "mover" + n).put("firstName", "Mo").put("lastName", "Ver" + n)
                .put("officeEmail", "mover" + n + "@acme.example").put("licenseClass", "F");
        fields.putObject("securityRole").put("id", 2);
        ObjectNode created = members.create(fields);
        simulator.requestLog().clear();
        return created;
    }

    private Answer byIdentifier(ObjectNode member, String body) {
        return invoke(member, body, Map.of());
    }

    private static Answer invoke(ObjectNode member, String body, Map<String, String> headers) {
        return LambdaInvoker.invoke(event(member, body, headers));
    }

    private static String event(ObjectNode member, String body, Map<String, String> headers) {
        String identifier = identifier(member);
        return GatewayEvents.patch("/members/{identifier}", "/members/" + identifier,
                Map.of("identifier", identifier), headers, body);
    }

    /** The one PATCH sent: its body, after checking it is the spec's {@code PatchOperations} and nothing more. */
    private JsonNode onlyPatch() {
        List<RecordedRequest> patches = apiCalls().stream().filter(r -> r.method().equals("PATCH")).toList();
        assertEquals(1, patches.size(), patches::toString);
        JsonNode body = json(patches.get(0).body());
        assertEquals(Set.of(), SCHEMAS.getSchema(SpecSchema.of("PatchOperations")).validate(body), body::toString);
        assertEquals(List.of(), patches.get(0).ignoredProperties());
        return body;
    }

    /** The requests about members, the reads of roles and setup tables left out. */
    private List<String> memberCalls() {
        return apiCalls().stream().filter(r -> r.path().startsWith("/system/members")
                        && !r.path().equals("/system/members/types"))
                .map(r -> r.method() + " " + r.path()).toList();
    }

    private List<RecordedRequest> apiCalls() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }

    private static String statuses(List<Answer> answers) {
        return answers.stream().map(a -> a.status() + " " + a.rawBody()).toList().toString();
    }

    private static long id(JsonNode member) {
        return member.get("id").asLong();
    }

    private static String identifier(JsonNode member) {
        return member.get("identifier").asText();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
