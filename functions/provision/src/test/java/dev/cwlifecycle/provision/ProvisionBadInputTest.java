package dev.cwlifecycle.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every bad input gets its own clear answer, and ConnectWise hears nothing of it. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ProvisionBadInputTest {

    private static final String VALID = """
            {"firstName":"Val","lastName":"Id","email":"val.id@acme.example","role":"Technician"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void warmRolesAndClear() {
        simulator = FunctionTestResource.simulator();
        // a dry run warms the cached setup lists (roles, member types): a refusal below asks ConnectWise nothing
        LambdaInvoker.invoke(event(VALID.replace("}", ",\"memberTypeId\":1,\"dryRun\":true}"), Map.of()));
        simulator.requestLog().clear();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("missing firstName", VALID.replace("\"firstName\":\"Val\",", ""), Map.of(), 400,
                        "firstName", "is required"),
                arguments("missing lastName", VALID.replace("\"lastName\":\"Id\",", ""), Map.of(), 400,
                        "lastName", "is required"),
                arguments("missing email", VALID.replace("\"email\":\"val.id@acme.example\",", ""), Map.of(), 400,
                        "email", "is required"),
                arguments("bad email", VALID.replace("val.id@acme.example", "not-an-email"), Map.of(), 400,
                        "email", "not a valid email"),
                arguments("email with a quote", VALID.replace("val.id@acme", "val\\\"id@acme"), Map.of(), 400,
                        "email", "not a valid email"),
                arguments("over-long firstName", VALID.replace("Val", "V".repeat(31)), Map.of(), 400,
                        "firstName", "at most 30"),
                arguments("over-long lastName", VALID.replace("\"Id\"", "\"" + "I".repeat(31) + "\""), Map.of(),
                        400, "lastName", "at most 30"),
                arguments("16-char identifier", VALID.replace("}", ",\"identifier\":\"abcdefghijklmnop\"}"),
                        Map.of(), 400, "identifier", "1 to 15"),
                arguments("identifier bob\"or\"1", VALID.replace("}", ",\"identifier\":\"bob\\\"or\\\"1\"}"),
                        Map.of(), 400, "identifier", "1 to 15"),
                arguments("identifier with a space", VALID.replace("}", ",\"identifier\":\"val id\"}"), Map.of(),
                        400, "identifier", "letters, digits"),
                arguments("role and roleId", VALID.replace("}", ",\"roleId\":2}"), Map.of(), 400, "role",
                        "exactly one"),
                arguments("no role", VALID.replace(",\"role\":\"Technician\"", ""), Map.of(), 400, "role",
                        "exactly one"),
                arguments("unknown role", VALID.replace("Technician", "Wizard"), Map.of(), 422, null,
                        "'Wizard' does not exist in ConnectWise; valid roles: API Member, Admin"),
                arguments("unknown roleId", VALID.replace("\"role\":\"Technician\"", "\"roleId\":999"), Map.of(),
                        422, null, "roleId 999 does not exist"),
                arguments("a member type ConnectWise does not have", VALID.replace("}", ",\"memberTypeId\":999}"),
                        Map.of(), 422, "memberTypeId", "does not exist in ConnectWise"),
                arguments("bad licenseClass", VALID.replace("}", ",\"licenseClass\":\"Z\"}"), Map.of(), 400,
                        "licenseClass", "must be one of F"),
                arguments("over-long title", VALID.replace("}", ",\"title\":\"" + "t".repeat(51) + "\"}"),
                        Map.of(), 400, "title", "at most 50"),
                arguments("over-long phone", VALID.replace("}", ",\"phone\":\"" + "1".repeat(16) + "\"}"),
                        Map.of(), 400, "phone", "at most 15"),
                arguments("bad hireDate", VALID.replace("}", ",\"hireDate\":\"yesterday\"}"), Map.of(), 400,
                        "hireDate", "must be a date"),
                arguments("negative location", VALID.replace("}", ",\"defaultLocationId\":-1}"), Map.of(), 400,
                        "defaultLocationId", "positive"),
                arguments("ticket without id", VALID.replace("}", ",\"ticket\":{\"system\":\"jira\"}}"),
                        Map.of(), 400, "ticket.id", "is required"),
                arguments("the seed's emailAddress field", VALID.replace("}", ",\"emailAddress\":\"x@y.z\"}"),
                        Map.of(), 400, "emailAddress", "not a known field"),
                arguments("a name as an object", VALID.replace("\"Val\"", "{\"a\":1}"), Map.of(), 400,
                        "firstName", "has the wrong type: expected a string"),
                arguments("a name as a number", VALID.replace("\"Val\"", "5"), Map.of(), 400,
                        "firstName", "has the wrong type: expected a string"),
                arguments("roleId as a string", VALID.replace("\"role\":\"Technician\"", "\"roleId\":\"2\""),
                        Map.of(), 400, "roleId", "expected a whole number"),
                arguments("a location id beyond an int", VALID.replace("}", ",\"defaultLocationId\":99999999999}"),
                        Map.of(), 400, "defaultLocationId", "expected a whole number"),
                arguments("dryRun as a string", VALID.replace("}", ",\"dryRun\":\"yes\"}"), Map.of(), 400,
                        "dryRun", "expected true or false"),
                arguments("ticket as a string", VALID.replace("}", ",\"ticket\":\"IT-1\"}"), Map.of(), 400,
                        "ticket", "expected an object"),
                arguments("ticket id as a number", VALID.replace("}", ",\"ticket\":{\"system\":\"jira\",\"id\":7}}"),
                        Map.of(), 400, "ticket.id", "expected a string"),
                arguments("an unknown field inside ticket", VALID.replace("}",
                        ",\"ticket\":{\"system\":\"jira\",\"id\":\"IT-1\",\"url\":\"x\"}}"), Map.of(), 400,
                        "ticket.url", "not a known field"),
                arguments("zero-width space in the email", VALID.replace("val.id@", "val.id\u200B@"), Map.of(),
                        400, "email", "U+200B"),
                arguments("byte order mark in the email", VALID.replace("val.id@", "\uFEFFval.id@"), Map.of(), 400,
                        "email", "U+FEFF"),
                arguments("no-break space in the email", VALID.replace("val.id@", "val.id\u00A0@"), Map.of(), 400,
                        "email", "U+00A0"),
                arguments("word joiner in the email's domain", VALID.replace("@acme", "@ac\u2060me"), Map.of(), 400,
                        "email", "U+2060"),
                arguments("a non-ASCII domain that is no valid IDN", VALID.replace("@acme", "@b\u00fc_cher"), Map.of(),
                        400, "email", "valid internationalised domain name"),
                arguments("bidi override in firstName", VALID.replace("\"Val\"", "\"Val\u202Eeno\""), Map.of(), 400,
                        "firstName", "U+202E"),
                arguments("zero-width joiner in the title", VALID.replace("}", ",\"title\":\"Field\u200Dengineer\"}"),
                        Map.of(), 400, "title", "invisible formatting"),
                arguments("line separator in lastName", VALID.replace("\"Id\"", "\"I\u2028d\""), Map.of(), 400,
                        "lastName", "U+2028"),
                arguments("a duplicate key", VALID.replace("}", ",\"email\":\"other@acme.example\"}"), Map.of(), 400,
                        "email", "more than once"),
                arguments("a duplicate key inside ticket", VALID.replace("}",
                        ",\"ticket\":{\"system\":\"jira\",\"id\":\"IT-1\",\"id\":\"IT-2\"}}"), Map.of(), 400,
                        "ticket.id", "more than once"),
                arguments("a nesting-depth bomb", VALID.replace("\"Val\"", "[".repeat(5000) + "]".repeat(5000)),
                        Map.of(), 400, null, "nesting depth"),
                arguments("a string past the parser's limit", VALID.replace("}", ",\"title\":\"" + "t".repeat(5000)
                        + "\"}"), Map.of(), 400, null, "String value length"),
                arguments("a number past the parser's limit", VALID.replace("}", ",\"defaultLocationId\":1"
                        + "0".repeat(100) + "}"), Map.of(), 400, null, "Number value length"),
                arguments("a control character in the Idempotency-Key", VALID, Map.of("Idempotency-Key", "k\u0007y"),
                        400, "Idempotency-Key", "without control characters"),
                arguments("malformed JSON", "{\"firstName\":", Map.of(), 400, null, "not valid JSON"),
                arguments("a JSON array", "[1,2]", Map.of(), 400, null, "must be a JSON object"),
                arguments("empty body", "", Map.of(), 400, null, "The body is empty"),
                arguments("wrong content type", VALID, Map.of("content-type", "text/plain"), 415, null,
                        "Content-Type: application/json"),
                arguments("huge body", VALID.replace("}", ",\"title\":\"" + "x".repeat(70_000) + "\"}"),
                        Map.of(), 413, null, "at most 65536"),
                arguments("over-long Idempotency-Key", VALID, Map.of("Idempotency-Key", "k".repeat(300)), 400,
                        "Idempotency-Key", "1 to 255"),
                arguments("no bearer token", VALID, nullHeader("authorization"), 401, null,
                        "Authorization: Bearer"),
                arguments("wrong bearer token", VALID, Map.of("authorization", "Bearer guess"), 401, null,
                        "Authorization: Bearer"));
    }

    @Test
    void namesEveryFieldOfTheWrongTypeAndEveryUnknownFieldAtOnce() {
        Answer answer = LambdaInvoker.invoke(event("""
                {"firstName":1,"lastName":["Id"],"email":true,"roleId":"2","title":"ok","dryRun":"yes",
                 "ticket":{"system":"jira","id":4711},"emailAddress":"x@y.z"}""", Map.of()));

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:validation", answer.body().get("type").asText());
        assertEquals("""
                [{"field":"firstName","message":"has the wrong type: expected a string"},\
                {"field":"lastName","message":"has the wrong type: expected a string"},\
                {"field":"email","message":"has the wrong type: expected a string"},\
                {"field":"roleId","message":"has the wrong type: expected a whole number"},\
                {"field":"dryRun","message":"has the wrong type: expected true or false"},\
                {"field":"ticket.id","message":"has the wrong type: expected a string"},\
                {"field":"emailAddress","message":"is not a known field"}]""", answer.body().get("errors").toString());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    /** Whatever else is wrong with the request, a caller who is not authenticated learns only that. */
    static Stream<Arguments> unauthenticated() {
        Map<String, String> noToken = nullHeader("authorization");
        return Stream.of(
                arguments("no token, malformed tenant header", VALID, with(noToken, "CW-Tenant", "no tenant!"),
                        Map.of()),
                arguments("wrong token, malformed tenant header", VALID,
                        Map.of("authorization", "Bearer guess", "CW-Tenant", "no tenant!"), Map.of()),
                arguments("the default tenant's token, malformed tenant header", VALID,
                        Map.of("CW-Tenant", "no tenant!"), Map.of()),
                arguments("no token, malformed tenant in the route", VALID, noToken, Map.of("tenant", "../etc")),
                arguments("no token, unknown tenant", VALID, with(noToken, "CW-Tenant", "nosuchtenant"), Map.of()),
                arguments("no token, malformed JSON", "{\"firstName\":", noToken, Map.of()),
                arguments("no token, wrong content type", VALID, with(noToken, "content-type", "text/plain"),
                        Map.of()),
                arguments("no token, empty body", "", noToken, Map.of()),
                arguments("no token, huge body", "x".repeat(70_000), noToken, Map.of()),
                arguments("no token, invalid fields", "{\"firstName\":1,\"email\":\"nope\"}", noToken, Map.of()),
                arguments("no token, over-long Idempotency-Key", VALID,
                        with(noToken, "Idempotency-Key", "k".repeat(300)), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthenticated")
    void answers401BeforeAnyOtherCheck(String name, String body, Map<String, String> headers,
                                       Map<String, String> pathParameters) {
        Answer answer = LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", pathParameters, headers,
                body));

        assertEquals(401, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unauthenticated", answer.body().get("type").asText());
        assertTrue(answer.body().get("errors") == null, answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    @Test
    void aCallerTheGatewayAuthorizedHearsThatTheTenantIsMalformed() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(event(VALID, with(nullHeader("authorization"), "CW-Tenant",
                "no tenant!")));
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        jwt.putObject("claims").put("sub", "ticketing-tool").put("iss", "https://issuer.example");
        jwt.putArray("scopes").add("members/write");

        Answer answer = LambdaInvoker.invoke(event.toString());

        assertEquals(400, answer.status(), answer.rawBody());
        assertTrue(answer.body().get("detail").asText().contains("must be 1 to 64"), answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesWithAClearAnswerAndNoConnectWiseRequest(String name, String body, Map<String, String> headers,
                                                        int status, String field, String message) {
        Answer answer = LambdaInvoker.invoke(event(body, headers));

        assertEquals(status, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        String text = field == null ? answer.body().get("detail").asText()
                : answer.body().get("errors").findValues("field").toString() + answer.body().get("errors");
        if (field != null) {
            assertTrue(text.contains("\"" + field + "\""), text);
        }
        assertTrue(text.contains(message), text);
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    private static Map<String, String> nullHeader(String name) {
        Map<String, String> headers = new HashMap<>();
        headers.put(name, null);
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    private static String event(String body, Map<String, String> headers) {
        return GatewayEvents.post("/members", "/members", Map.of(), headers, body);
    }
}
