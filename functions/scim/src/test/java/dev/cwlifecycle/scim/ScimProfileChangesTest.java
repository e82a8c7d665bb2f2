package dev.cwlifecycle.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.cwlifecycle.scim.ScimRequests.newEmail;
import static dev.cwlifecycle.scim.ScimRequests.patch;
import static dev.cwlifecycle.scim.ScimRequests.post;
import static dev.cwlifecycle.scim.ScimRequests.put;
import static dev.cwlifecycle.scim.ScimUsersTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The movers an identity provider sends (a name, a title, an email, a role changes): each becomes exactly one
 * ConnectWise JSON Patch holding only what differs, through the same mover as the ticketing API.
 */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ScimProfileChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[%s]}";

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = ScimRequests.freshSite();
    }

    @Test
    void entraIdReplacesNameTitleAndEmailAndConnectWiseGetsOnePatchOfThoseFields() {
        String id = created(newEmail("mia.mover"), "Mia", "Mover");
        String email = newEmail("mia.moved");

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"Replace","path":"name.givenName","value":"Amelia"},
                {"op":"Replace","path":"title","value":"Service Desk Lead"},
                {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"%s"},
                {"op":"Replace","path":"userName","value":"%s"}""".formatted(email, email)));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(email, answer.body().get("userName").asText());
        assertEquals("Amelia", answer.body().get("name").get("givenName").asText());
        assertEquals(Map.of("firstName", "Amelia", "title", "Service Desk Lead", "officeEmail", email),
                onlyPatch(id));
        JsonNode member = simulator.members("acme").get(Long.parseLong(id));
        assertEquals("Mover", member.get("lastName").asText());
        assertEquals("Service Desk Lead", member.get("title").asText());
    }

    @Test
    void aRoleChangeInTheExtensionPatchesTheSecurityRoleByItsId() {
        String id = created(newEmail("rob.role"), "Rob", "Role");

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"replace","path":"%s:securityRole","value":"Dispatch"}""".formatted(ScimUser.EXTENSION)));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals("Dispatch", answer.body().get(ScimUser.EXTENSION).get("securityRole").asText());
        assertEquals(Map.of("securityRole", Map.of("id", 3)), onlyPatch(id));
    }

    @Test
    void oktaPutsTheWholeUserAndOnlyTheChangedTitleIsPatched() {
        String email = newEmail("otto.okta");
        String id = created(email, "Otto", "Okta");

        Answer answer = put(id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Otto","familyName":"Okta"},"title":"Network Engineer",
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true}"""
                .formatted(id, email, email));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(Map.of("title", "Network Engineer"), onlyPatch(id));
    }

    @Test
    void aPutThatChangesNothingWritesNothing() {
        String email = newEmail("una.unchanged");
        String id = created(email, "Una", "Unchanged");

        Answer answer = put(id, user(email, "Una", "Unchanged"));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(0, simulator.requestLog().count("PATCH", "/system/members/" + id));
    }

    @Test
    void aRemovedTitleIsClearedInConnectWise() {
        String id = created(newEmail("tia.title"), "Tia", "Title");
        assertEquals(200, patch(id, PATCH_OP.formatted("""
                {"op":"add","path":"title","value":"Dispatcher"}""")).status());
        assertEquals("Dispatcher", simulator.members("acme").get(Long.parseLong(id)).get("title").asText());
        simulator.requestLog().clear();

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"remove","path":"title"}"""));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(Map.of("title", ""), onlyPatch(id));
    }

    @Test
    void anEmailAnotherActiveMemberHoldsIsAUniquenessConflictAndChangesNothing() {
        String taken = newEmail("tom.taken");
        created(taken, "Tom", "Taken");
        String id = created(newEmail("cal.clash"), "Cal", "Clash");

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"replace","value":{"userName":"%s","emails":[{"type":"work","value":"%s"}]}}"""
                .formatted(taken, taken)));

        assertEquals(409, answer.status(), answer.rawBody());
        assertEquals("uniqueness", answer.body().get("scimType").asText());
        assertEquals(0, simulator.requestLog().count("PATCH", "/system/members/" + id));
    }

    @Test
    void anUnknownRoleIsAnInvalidValueAndChangesNothing() {
        String id = created(newEmail("ula.unknown"), "Ula", "Unknown");

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"replace","path":"%s:securityRole","value":"Astronaut"}""".formatted(ScimUser.EXTENSION)));

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals("invalidValue", answer.body().get("scimType").asText());
        assertEquals(0, simulator.requestLog().count("PATCH", "/system/members/" + id));
    }

    @Test
    void aLastNameChangedInConnectWiseMeanwhileIsNotWrittenBackByATitleChange() {
        String id = created(newEmail("nia.name"), "Nia", "Name");
        simulator.members("acme").update(Long.parseLong(id), member -> member.put("lastName", "Married"));

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"replace","path":"title","value":"Engineer"}"""));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(Map.of("title", "Engineer"), onlyPatch(id));
        assertEquals("Married", simulator.members("acme").get(Long.parseLong(id)).get("lastName").asText());
    }

    @Test
    void aProfileChangeOfADeactivatedUserWritesNothing() {
        String id = created(newEmail("ida.inactive"), "Ida", "Inactive");
        assertEquals(200, patch(id, PATCH_OP.formatted("""
                {"op":"replace","path":"active","value":false}""")).status());
        simulator.requestLog().clear();

        Answer answer = patch(id, PATCH_OP.formatted("""
                {"op":"replace","path":"title","value":"Ghost"}"""));

        assertEquals(200, answer.status(), answer.rawBody());
        assertFalse(answer.body().get("active").asBoolean());
        assertEquals(0, simulator.requestLog().count("PATCH", "/system/members/" + id));
    }

    /** A new active user, then an empty request log. */
    private String created(String email, String first, String last) {
        Answer created = post(user(email, first, last));
        assertEquals(201, created.status(), created.rawBody());
        simulator.requestLog().clear();
        return created.body().get("id").asText();
    }

    /** The one JSON Patch sent for member {@code id}, as path → value (notes aside: nothing here has a ticket). */
    private Map<String, Object> onlyPatch(String id) {
        List<RecordedRequest> patches = simulator.requestLog().all().stream()
                .filter(request -> request.method().equals("PATCH") && request.path().equals("/system/members/" + id))
                .toList();
        assertEquals(1, patches.size(), patches.toString());
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            for (JsonNode operation : JSON.readTree(patches.get(0).body())) {
                assertEquals("replace", operation.get("op").asText());
                fields.put(operation.get("path").asText(), JSON.treeToValue(operation.get("value"), Object.class));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return fields;
    }
}
