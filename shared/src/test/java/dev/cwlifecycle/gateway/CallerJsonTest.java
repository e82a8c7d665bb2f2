package dev.cwlifecycle.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Jackson parser limit, and a repeated key, is a 400 problem: never a 500 for a caller's body. */
class CallerJsonTest {

    /** Strings up to 100 characters, documents up to 1,000 bytes. */
    private final CallerJson json = new CallerJson(100, 1000);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nesting depth | DEPTH | nesting depth",
            "string length | STRING | String value length",
            "number length | NUMBER | Number value length",
            "document length | DOCUMENT | Document length",
            "name length | NAME | Name length"})
    void aBodyPastAParserLimitIsMalformedJsonNamingTheLimit(String limit, Body body, String named) {
        Problem problem = assertThrows(ProblemException.class, () -> json.readTree(body.bytes())).problem();

        assertEquals(400, problem.status());
        assertEquals("urn:cw-lifecycle:problem:malformed-json", problem.type());
        assertTrue(problem.detail().contains(named), problem.detail());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItWithItsPath() {
        Problem problem = assertThrows(ProblemException.class, () -> json.readTree(
                "{\"a\":1,\"ticket\":{\"id\":\"x\",\"id\":\"y\"}}".getBytes(StandardCharsets.UTF_8))).problem();

        assertEquals("urn:cw-lifecycle:problem:validation", problem.type());
        assertEquals("ticket.id", problem.errors().get(0).field());
    }

    @Test
    void aBodyWithinEveryLimitIsRead() {
        assertEquals("x", json.readTree("{\"a\":[[[\"x\"]]]}".getBytes(StandardCharsets.UTF_8))
                .path("a").path(0).path(0).path(0).asText());
    }

    enum Body {
        DEPTH("{\"a\":" + "[".repeat(17) + "]".repeat(17) + "}"),
        STRING("{\"a\":\"" + "s".repeat(101) + "\"}"),
        NUMBER("{\"a\":" + "9".repeat(65) + "}"),
        DOCUMENT("{\"a\":[" + "1,".repeat(600) + "1]}"),
        NAME("{\"" + "n".repeat(101) + "\":1}");

        private final String text;

        Body(String text) {
            this.text = text;
        }

        byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
