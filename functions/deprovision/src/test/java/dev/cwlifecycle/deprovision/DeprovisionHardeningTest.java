package dev.cwlifecycle.deprovision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.testing.ConsoleMembers;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.Race;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Issue 13 on the deprovision routes: invisible characters, duplicate keys, parser limits, ten at once. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class DeprovisionHardeningTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger(500);

    @Inject
    DeprovisionHandler handler;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
        members = simulator.members("acme");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                arguments("zero-width space in the email", "{\"email\":\"lee\u200B@acme.example\"}", "email", "U+200B"),
                arguments("no-break space in the email", "{\"email\":\"lee\u00A0@acme.example\"}", "email", "U+00A0"),
                arguments("byte order mark in the email", "{\"email\":\"\uFEFFlee@acme.example\"}", "email", "U+FEFF"),
                arguments("an invalid IDN domain", "{\"email\":\"lee@b\u00fc_cher.example\"}", "email",
                        "valid internationalised domain name"),
                arguments("bidi override in the ticket id", "{\"memberId\":5,\"ticket\":{\"system\":\"jira\","
                        + "\"id\":\"OFF\u202E1\"}}", "ticket.id", "U+202E"),
                arguments("a duplicate key", "{\"memberId\":5,\"memberId\":6}", "memberId", "more than once"),
                arguments("a nesting-depth bomb", "{\"mode\":" + "[".repeat(5000) + "]".repeat(5000) + "}", null,
                        "nesting depth"),
                arguments("a string past the parser's limit", "{\"email\":\"" + "e".repeat(5000) + "\"}", null,
                        "String value length"),
                arguments("a number past the parser's limit", "{\"memberId\":1" + "0".repeat(100) + "}", null,
                        "Number value length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesWithAClearAnswerAndNoConnectWiseRequest(String name, String body, String field, String message) {
        Answer answer = LambdaInvoker.invoke(event(null, body));

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        if (field == null) {
            assertEquals("urn:cw-lifecycle:problem:malformed-json", answer.body().get("type").asText());
            assertTrue(answer.body().get("detail").asText().contains(message), answer.rawBody());
        } else {
            assertEquals(field, answer.body().get("errors").get(0).get("field").asText(), answer.rawBody());
            assertTrue(answer.body().get("errors").get(0).get("message").asText().contains(message), answer.rawBody());
        }
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    @Test
    void theEmailIsComparedInItsNormalisedForm() {
        ObjectNode member = newMember("l\u00e9a" + PEOPLE.incrementAndGet() + "@acme.example");
        String nfd = member.get("officeEmail").asText().replace("\u00e9", "E\u0301").toUpperCase();

        Answer answer = LambdaInvoker.invoke(event(null, "{\"email\":\"" + nfd + "\"}"));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(member.get("id").asLong(), answer.body().get("memberId").asLong());
        assertTrue(members.get(member.get("id").asLong()).get("inactiveFlag").asBoolean());
    }

    /**
     * Issue 13: ten identical deprovisions without a key sent at once each wrote inactiveDate. One writes; the others
     * wait for the member's lease and find the member inactive.
     */
    @Test
    void tenConcurrentDeprovisionsWithoutAKeyMakeOnePatchAndAllAnswer200() throws Exception {
        ObjectNode member = newMember("ten" + PEOPLE.incrementAndGet() + "@acme.example");
        String identifier = member.get("identifier").asText();

        List<Answer> answers = Race.run(10, i -> () -> LambdaInvoker.handle(handler::handle, event(identifier, "")));

        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"), "one write");
        assertEquals(1, answers.stream().filter(a -> a.status() == 200
                && "deactivated".equals(a.body().get("action").asText())).count(), statuses(answers));
        assertEquals(9, answers.stream().filter(a -> a.status() == 200
                && "none".equals(a.body().get("action").asText())).count(), statuses(answers));
        // the lease is released: the next one answers from the outcome, without a write
        Answer after = LambdaInvoker.invoke(event(identifier, ""));
        assertEquals("none", after.body().get("action").asText(), after.rawBody());
        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"));
    }

    /** The lease is the member's, not the name's: by identifier, by email and by id at once still write once. */
    @Test
    void deprovisionsNamingOneMemberThreeWaysAtOnceMakeOnePatch() throws Exception {
        String email = "three" + PEOPLE.incrementAndGet() + "@acme.example";
        ObjectNode member = newMember(email);
        String identifier = member.get("identifier").asText();
        List<String> events = List.of(event(identifier, ""), event(null, "{\"email\":\"" + email + "\"}"),
                event(null, "{\"memberId\":" + member.get("id").asLong() + "}"));

        List<Answer> answers = Race.run(9, i -> () -> LambdaInvoker.handle(handler::handle, events.get(i % 3)));

        assertEquals(1, simulator.requestLog().count("PATCH", "/system/members"), "one write");
        assertEquals(1, answers.stream().filter(a -> "deactivated".equals(a.body().path("action").asText())).count(),
                statuses(answers));
        assertTrue(answers.stream().allMatch(a -> a.status() == 200), statuses(answers));
        assertTrue(members.get(member.get("id").asLong()).get("inactiveFlag").asBoolean());
    }

    private ObjectNode newMember(String email) {
        int n = PEOPLE.incrementAndGet();
        ObjectNode created = ConsoleMembers.create(simulator, "hard" + n, "Lee", "Hard" + n, email);
        simulator.requestLog().clear();
        return created;
    }

    private static String event(String identifier, String body) {
        return DeprovisionFunctionTest.event(identifier, body, Map.of());
    }

    private static String statuses(List<Answer> answers) {
        return answers.stream().map(a -> a.status() + " " + a.rawBody()).toList().toString();
    }
}
