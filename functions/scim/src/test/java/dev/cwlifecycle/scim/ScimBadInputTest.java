package dev.cwlifecycle.scim;

import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests an identity provider (or an attacker) may send wrong: each the right SCIM error, nothing written. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ScimBadInputTest {

    private static final String PATCH_OP = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private static String memberId;

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = ScimRequests.freshSite();
        if (memberId == null) {
            memberId = ScimRequests.post(ScimUsersTest.user(ScimRequests.newEmail("bea.bad"), "Bea", "Bad"))
                    .body().get("id").asText();
        }
        simulator.requestLog().clear();
    }

    /** A Java package-qualified name (com.example.Type) or Jackson's back-quoted type. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(com|org|java|javax|jakarta|dev)\\.[a-z]|`");

    static Stream<Arguments> badRequests() {
        String ok = "\"userName\":\"x.y@acme.example\",\"name\":{\"givenName\":\"X\",\"familyName\":\"Y\"}";
        String core = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";
        return Stream.of(
                Arguments.of("filter without a value", "GET", "/Users", filter("userName eq"), null, 400,
                        "invalidFilter"),
                Arguments.of("filter on an attribute not kept", "GET", "/Users", filter("title eq \"Boss\""), null,
                        400, "invalidFilter"),
                Arguments.of("filter with co", "GET", "/Users", filter("userName co \"acme\""), null, 400,
                        "invalidFilter"),
                Arguments.of("filter with or", "GET", "/Users", filter("userName eq \"a@x.io\" or id eq \"1\""),
                        null, 400, "invalidFilter"),
                Arguments.of("active compared with a string", "GET", "/Users", filter("active eq \"yes\""), null,
                        400, "invalidFilter"),
                Arguments.of("startIndex not a number", "GET", "/Users", Map.of("startIndex", "one"), null, 400,
                        "invalidValue"),
                Arguments.of("no schemas", "POST", "/Users", Map.of(), "{" + ok + "}", 400, "invalidSyntax"),
                Arguments.of("schemas without the User schema", "POST", "/Users", Map.of(),
                        "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]," + ok + "}", 400,
                        "invalidSyntax"),
                Arguments.of("unknown attribute", "POST", "/Users", Map.of(),
                        "{" + core + ok + ",\"favouriteColour\":\"teal\"}", 400, "invalidSyntax"),
                Arguments.of("unknown extension attribute", "POST", "/Users", Map.of(), "{" + core + ok
                        + ",\"urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User\":{\"seat\":\"F\"}}", 400,
                        "invalidSyntax"),
                Arguments.of("userName twice in other cases", "POST", "/Users", Map.of(),
                        "{" + core + ok + ",\"USERNAME\":\"z@acme.example\"}", 400, "invalidSyntax"),
                Arguments.of("userName not an email", "POST", "/Users", Map.of(),
                        "{" + core + "\"userName\":\"xy\",\"name\":{\"givenName\":\"X\",\"familyName\":\"Y\"}}",
                        400, "invalidValue"),
                Arguments.of("zero-width space in userName", "POST", "/Users", Map.of(), "{" + core
                        + "\"userName\":\"x.y\u200b@acme.example\",\"name\":{\"givenName\":\"X\","
                        + "\"familyName\":\"Y\"}}", 400, "invalidValue"),
                Arguments.of("bidi override in givenName", "POST", "/Users", Map.of(), "{" + core
                        + "\"userName\":\"x.y@acme.example\",\"name\":{\"givenName\":\"X\u202eevil\","
                        + "\"familyName\":\"Y\"}}", 400, "invalidValue"),
                Arguments.of("no familyName", "POST", "/Users", Map.of(), "{" + core
                        + "\"userName\":\"x.y@acme.example\",\"name\":{\"givenName\":\"X\"}}", 400, "invalidValue"),
                Arguments.of("active a number", "POST", "/Users", Map.of(), "{" + core + ok + ",\"active\":1}",
                        400, "invalidValue"),
                Arguments.of("name a string", "POST", "/Users", Map.of(), "{" + core
                        + "\"userName\":\"x.y@acme.example\",\"name\":\"X Y\"}", 400, "invalidValue"),
                Arguments.of("work email other than userName", "POST", "/Users", Map.of(), "{" + core + ok
                        + ",\"emails\":[{\"type\":\"work\",\"value\":\"other@acme.example\"}]}", 400,
                        "invalidValue"),
                Arguments.of("title too long", "POST", "/Users", Map.of(), "{" + core + ok + ",\"title\":\""
                        + "t".repeat(51) + "\"}", 400, "invalidValue"),
                Arguments.of("licence class unknown", "POST", "/Users", Map.of(), "{" + core + ok
                        + ",\"urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User\":{\"licenseClass\":"
                        + "\"Z\"}}", 400, "invalidValue"),
                Arguments.of("security role ConnectWise lacks", "POST", "/Users", Map.of(), "{" + core + ok
                        + ",\"urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User\":{\"securityRole\":"
                        + "\"Wizard\"}}", 400, "invalidValue"),
                Arguments.of("created inactive", "POST", "/Users", Map.of(), "{" + core + ok + ",\"active\":false}",
                        400, "invalidValue"),
                Arguments.of("not JSON", "POST", "/Users", Map.of(), "{\"userName\":", 400, "invalidSyntax"),
                Arguments.of("a key twice", "POST", "/Users", Map.of(), "{" + core + ok
                        + ",\"title\":\"a\",\"title\":\"b\"}", 400, "invalidValue"),
                Arguments.of("PatchOp without schemas", "PATCH", "/Users/{id}", Map.of(),
                        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}", 400,
                        "invalidSyntax"),
                Arguments.of("PatchOp with an unknown op", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":[{\"op\":\"frobnicate\",\"path\":\"active\",\"value\":false}]}", 400,
                        "invalidSyntax"),
                Arguments.of("PatchOp operation with an unknown member", "PATCH", "/Users/{id}", Map.of(), "{"
                        + PATCH_OP + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\","
                        + "\"because\":\"y\"}]}", 400, "invalidSyntax"),
                Arguments.of("PatchOp operations an object", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}}", 400,
                        "invalidSyntax"),
                Arguments.of("PatchOp without operations", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":[]}", 400, "invalidValue"),
                Arguments.of("PatchOp path unreadable", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}", 400,
                        "invalidSyntax"),
                Arguments.of("PatchOp to an unknown attribute", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":[{\"op\":\"add\",\"path\":\"favouriteColour\",\"value\":\"teal\"}]}", 400,
                        "invalidSyntax"),
                Arguments.of("PatchOp active not a boolean", "PATCH", "/Users/{id}", Map.of(), "{" + PATCH_OP
                        + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}", 400,
                        "invalidValue"),
                Arguments.of("a user id that is no member id", "GET", "/Users/abc", Map.of(), null, 404, null),
                Arguments.of("a member id the directory lacks", "DELETE", "/Users/987654321", Map.of(), null, 404,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithTheRightScimErrorAndChangesNothing(String why, String method, String resource,
                                                          Map<String, String> query, String body, int status,
                                                          String scimType) {
        Answer answer = ScimRequests.send(method, resource.replace("{id}", memberId), query, Map.of(), body);
        assertEquals(status, answer.status(), why + ": " + answer.rawBody());
        assertEquals(String.valueOf(status), answer.body().get("status").asText());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", answer.body().get("schemas").get(0).asText());
        assertEquals(scimType, answer.body().hasNonNull("scimType") ? answer.body().get("scimType").asText() : null,
                why);
        String detail = answer.body().path("detail").asText();
        assertFalse(detail.isBlank(), why);
        assertFalse(JAVA_NAME.matcher(detail).find(), "no class of ours or a library's in the detail: " + detail);
        assertNoWrites();
    }

    @Test
    void anOversizedBodyIs413() {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"displayName\":\""
                + "x".repeat(70_000) + "\"}";
        assertEquals(413, ScimRequests.post(body).status());
        assertNoWrites();
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIs415() {
        Answer answer = ScimRequests.send("POST", "/Users", Map.of(), Map.of("content-type", "text/plain"),
                ScimUsersTest.user("t.p@acme.example", "T", "P"));
        assertEquals(415, answer.status());
        assertNoWrites();
    }

    @Test
    void noTokenAWrongTokenTheApiTokenAndAnUnknownTenantAreAllTheSame401() {
        Map<String, String> noToken = new HashMap<>();
        noToken.put("authorization", null);
        for (Map<String, String> headers : new Map[]{noToken, Map.of("authorization", "Bearer wrong"),
                Map.of("authorization", "Bearer " + FunctionTestResource.TOKEN)}) {
            Answer answer = ScimRequests.send("POST", "/Users", Map.of(), headers,
                    ScimUsersTest.user(ScimRequests.newEmail("ann.auth"), "Ann", "Auth"));
            assertEquals(401, answer.status(), headers.toString());
            assertEquals("401", answer.body().get("status").asText());
        }
        String otherTenant = ScimRequests.event("GET", "/Users", Map.of(), Map.of(), null)
                .replace("\"tenant\":\"default\"", "\"tenant\":\"globex\"");
        assertEquals(401, LambdaInvoker.invoke(otherTenant).status());
        assertTrue(simulator.requestLog().all().isEmpty(), "nothing asked of ConnectWise before authentication");
    }

    @Test
    void aTokenOfAnotherTenantIs401BothWays() {
        String initechToken = "scim-token-initech-5b07";
        FunctionTestResource.secret("initech", FunctionTestResource.credentialsJson(
                ",\"scimTokenSha256\":[\"" + ScimRequests.sha256(initechToken) + "\"]"));
        String asInitech = ScimRequests.event("GET", "/Users", Map.of(), Map.of(), null)
                .replace("\"tenant\":\"default\"", "\"tenant\":\"initech\"");
        assertEquals(200, LambdaInvoker.invoke(asInitech.replace(ScimRequests.TOKEN, initechToken)).status(),
                "initech's token is good for initech");

        Answer initechTokenOnDefault = ScimRequests.send("POST", "/Users", Map.of(),
                Map.of("authorization", "Bearer " + initechToken),
                ScimUsersTest.user(ScimRequests.newEmail("ivy.initech"), "Ivy", "Initech"));
        assertEquals(401, initechTokenOnDefault.status());
        assertEquals(401, LambdaInvoker.invoke(asInitech).status(), "the default tenant's token on initech");
        assertTrue(simulator.requestLog().all().isEmpty(), simulator.requestLog().all().toString());
    }

    private void assertNoWrites() {
        assertFalse(simulator.requestLog().all().stream().anyMatch(r -> !r.method().equals("GET")),
                simulator.requestLog().all().toString());
    }

    private static Map<String, String> filter(String filter) {
        return Map.of("filter", filter);
    }
}
