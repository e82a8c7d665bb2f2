package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.Race;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cwlifecycle.scim.ScimRequests.delete;
import static dev.cwlifecycle.scim.ScimRequests.get;
import static dev.cwlifecycle.scim.ScimRequests.newEmail;
import static dev.cwlifecycle.scim.ScimRequests.patch;
import static dev.cwlifecycle.scim.ScimRequests.post;
import static dev.cwlifecycle.scim.ScimRequests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request sequences Entra ID and Okta send (from their SCIM documentation), against the simulator and DynamoDB
 * Local: the SCIM answers, and exactly the ConnectWise requests each step takes.
 */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ScimUsersTest {

    @Inject
    ScimHandler handler;

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = ScimRequests.freshSite();
    }

    @Test
    void oktaFindsCreatesFindsAgainAndDeactivatesWithoutEverDeleting() {
        String email = newEmail("olive.okta");
        Answer none = get("/Users", Map.of("filter", "userName eq \"" + email + "\"", "startIndex", "1",
                "count", "100"));
        assertEquals(200, none.status());
        assertEquals("application/scim+json", none.header("Content-Type"));
        assertEquals(0, none.body().get("totalResults").asInt());
        assertEquals(List.of(), connectWiseCalls());

        Answer created = post("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Olive","familyName":"Okta"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Olive Okta","locale":"en-US",
                 "externalId":"00u1okta","groups":[],"password":"not-kept-1A!","active":true,
                 "urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User":{"securityRole":"Technician"}}"""
                .formatted(email, email.toUpperCase()));
        assertEquals(201, created.status(), created.rawBody());
        String id = created.body().get("id").asText();
        assertEquals("https://scim.example.test/scim/default/v2/Users/" + id, created.header("Location"));
        assertEquals(email, created.body().get("userName").asText());
        assertTrue(created.body().get("active").asBoolean());
        assertEquals("Technician", created.body().get(ScimUser.EXTENSION).get("securityRole").asText());
        assertEquals(1, writes("POST"));
        JsonNode member = simulator.members("acme").get(Long.parseLong(id));
        assertEquals(email, member.get("officeEmail").asText());
        assertEquals("Olive", member.get("firstName").asText());

        simulator.requestLog().clear();
        Answer found = get("/Users", Map.of("filter", "userName eq \"" + email.toUpperCase() + "\"",
                "startIndex", "1", "count", "100"));
        assertEquals(1, found.body().get("totalResults").asInt());
        assertEquals(id, found.body().get("Resources").get(0).get("id").asText());
        assertEquals(200, get("/Users/" + id, Map.of()).status());
        assertEquals(List.of(), connectWiseCalls());

        Answer deactivated = patch(id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");
        assertEquals(200, deactivated.status(), deactivated.rawBody());
        assertFalse(deactivated.body().get("active").asBoolean());
        assertTrue(simulator.members("acme").get(Long.parseLong(id)).get("inactiveFlag").asBoolean());
        assertEquals(1, writes("PATCH"));
        assertEquals(0, writes("DELETE"));
        assertFalse(get("/Users/" + id, Map.of()).body().get("active").asBoolean());
    }

    @Test
    void entraIdCreatesWithTheDefaultRoleThenDisablesEnablesAndSoftDeletes() {
        String email = newEmail("erin.entra");
        assertEquals(0, get("/Users", Map.of("filter", "userName eq \"" + email + "\"")).body()
                .get("totalResults").asInt());
        Answer created = post("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"8f1c2a3b-entra","userName":"%s","active":true,"displayName":"Erin Entra",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],"meta":{"resourceType":"User"},
                 "name":{"formatted":"Erin Entra","familyName":"Entra","givenName":"Erin"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Service Desk"}}"""
                .formatted(email, email));
        assertEquals(201, created.status(), created.rawBody());
        String id = created.body().get("id").asText();
        assertEquals("Technician", created.body().get(ScimUser.EXTENSION).get("securityRole").asText());

        simulator.requestLog().clear();
        Answer disabled = patch(id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        assertEquals(200, disabled.status(), disabled.rawBody());
        assertTrue(simulator.members("acme").get(Long.parseLong(id)).get("inactiveFlag").asBoolean());
        assertEquals(1, writes("PATCH"));

        simulator.requestLog().clear();
        Answer enabled = patch(id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"True"}]}""");
        assertEquals(200, enabled.status(), enabled.rawBody());
        assertTrue(enabled.body().get("active").asBoolean());
        assertFalse(simulator.members("acme").get(Long.parseLong(id)).get("inactiveFlag").asBoolean());
        assertEquals(1, writes("PATCH"));
        assertEquals(0, writes("POST"), "a reactivation, never a second member");

        simulator.requestLog().clear();
        Answer deleted = delete(id);
        assertEquals(204, deleted.status(), deleted.rawBody());
        assertTrue(simulator.members("acme").get(Long.parseLong(id)).get("inactiveFlag").asBoolean());
        assertEquals(0, writes("DELETE"));
        assertEquals(204, delete(id).status(), "deleting a deactivated user again is still done");
    }

    @Test
    void anIdenticalCreateSentAgainGetsTheFirstAnswerAndNoSecondMember() {
        String body = user(newEmail("rory.retry"), "Rory", "Retry");
        Answer first = post(body);
        Answer again = post(body);
        assertEquals(201, again.status());
        assertEquals(first.body().get("id"), again.body().get("id"));
        assertEquals(1, writes("POST"));
    }

    @Test
    void aUserNameAnActiveMemberHasIsAUniquenessConflict() {
        String email = newEmail("una.unique");
        assertEquals(201, post(user(email, "Una", "Unique")).status());
        Answer conflict = post(user(email, "Una", "Unique-Second"));
        assertEquals(409, conflict.status());
        assertEquals("uniqueness", conflict.body().get("scimType").asText());
        assertEquals("409", conflict.body().get("status").asText());
        assertEquals(1, writes("POST"));
    }

    @Test
    void twentyIdenticalCreatesAtOnceMakeOneMember() throws Exception {
        String email = newEmail("cora.concurrent");
        String event = ScimRequests.event("POST", "/Users", Map.of(), Map.of(), user(email, "Cora", "Concurrent"));
        List<Answer> answers = Race.run(20, i -> () -> LambdaInvoker.handle(handler::handle, event));
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 409), answers.toString());
        assertTrue(answers.stream().anyMatch(a -> a.status() == 201));
        assertEquals(1, simulator.members("acme").all().stream()
                .filter(m -> email.equals(m.path("officeEmail").asText())).count());
    }

    @Test
    void listsPageTheDirectoryAndFiltersCombineWithAnd() {
        String email = newEmail("fay.filter");
        String id = post(user(email, "Fay", "Filter")).body().get("id").asText();
        for (String other : List.of("Gil", "Hal", "Ivy")) {
            assertEquals(201, post(user(newEmail(other.toLowerCase() + ".list"), other, "List")).status());
        }
        simulator.requestLog().clear();

        assertEquals(1, get("/Users", Map.of("filter", "emails[type eq \"work\"].value eq \"" + email + "\""))
                .body().get("totalResults").asInt());
        assertEquals(1, get("/Users", Map.of("filter", "emails[type eq \"work\" and value eq \"" + email + "\"]"))
                .body().get("totalResults").asInt());
        assertEquals(1, get("/Users", Map.of("filter", "id eq \"" + id + "\" and active eq true"))
                .body().get("totalResults").asInt());
        assertEquals(0, get("/Users", Map.of("filter", "userName eq \"" + email + "\" and active eq false"))
                .body().get("totalResults").asInt());
        assertEquals(0, get("/Users", Map.of("filter", "userName eq \"not-an-email\"")).body()
                .get("totalResults").asInt());
        Answer page = get("/Users", Map.of("filter", "active eq true", "startIndex", "2", "count", "3"));
        assertEquals(3, page.body().get("itemsPerPage").asInt());
        assertEquals(2, page.body().get("startIndex").asInt());
        assertTrue(page.body().get("totalResults").asInt() >= 4);
        assertEquals(List.of(), connectWiseCalls());
    }

    @Test
    void theExternalIdSentAtCreateFindsTheUserAndIsShownWithItsCreation() {
        String email = newEmail("xena.external");
        String externalId = "00u-" + email.hashCode();
        String id = post("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",
                 "name":{"givenName":"Xena","familyName":"External"},"active":true}""".formatted(email, externalId))
                .body().get("id").asText();
        simulator.requestLog().clear();

        Answer found = get("/Users", Map.of("filter", "externalId eq \"" + externalId + "\""));
        assertEquals(1, found.body().get("totalResults").asInt());
        JsonNode user = found.body().get("Resources").get(0);
        assertEquals(id, user.get("id").asText());
        assertEquals(externalId, user.get("externalId").asText());
        assertTrue(user.get("meta").has("created"));
        assertEquals(externalId, get("/Users/" + id, Map.of()).body().get("externalId").asText());
        assertEquals(0, get("/Users", Map.of("filter", "externalId eq \"" + externalId.toUpperCase() + "\" and "
                + "userName eq \"" + email + "\"")).body().get("totalResults").asInt(), "externalId is case-exact");
        assertEquals(List.of(), connectWiseCalls());
    }

    @Test
    void discoveryDescribesUsersAndTheExtensions() {
        Answer config = get("/ServiceProviderConfig", Map.of());
        assertTrue(config.body().get("patch").get("supported").asBoolean());
        assertEquals("oauthbearertoken", config.body().get("authenticationSchemes").get(0).get("type").asText());
        Answer schemas = get("/Schemas", Map.of());
        assertEquals(3, schemas.body().get("totalResults").asInt());
        assertEquals(ScimUser.EXTENSION, schemas.body().get("Resources").get(2).get("id").asText());
        assertEquals("/Users", get("/ResourceTypes", Map.of()).body().get("Resources").get(0).get("endpoint")
                .asText());
        assertEquals(List.of(), connectWiseCalls());
    }

    @Test
    void aRotatedInTokenIsTakenBesideTheOldOne() {
        Answer answer = ScimRequests.send("GET", "/ServiceProviderConfig", Map.of(),
                Map.of("authorization", "Bearer " + ScimRequests.ROTATED_TOKEN), null);
        assertEquals(200, answer.status());
    }

    static String user(String email, String first, String last) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},"active":true}""".formatted(email, first, last);
    }

    private List<RecordedRequest> connectWiseCalls() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }

    private int writes(String method) {
        return simulator.requestLog().count(method, "/system/members");
    }
}
