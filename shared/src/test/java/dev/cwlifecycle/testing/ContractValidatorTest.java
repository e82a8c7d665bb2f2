package dev.cwlifecycle.testing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractValidatorTest {

    private static final String READ = GatewayEvents.get("/members/{identifier}", "/members/jdoe",
            Map.of("identifier", "jdoe"), Map.of(), Map.of());
    private static final String MEMBER = """
            {"memberId":7,"identifier":"jdoe","firstName":"John","lastName":"Doe","email":"jdoe@acme.example",
             "role":"Technician","licenseClass":"F","active":true,"deleted":false,
             "lastUpdated":"2026-03-01T10:00:00Z","syncedAt":"2026-03-01T10:00:05Z"}""";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json",
            "X-Correlation-Id", "c0ffee");

    @Test
    void aDocumentedAnswerPasses() {
        assertDoesNotThrow(() -> ContractValidator.check(READ, 200, HEADERS, MEMBER));
    }

    @Test
    void anUndocumentedStatusFieldHeaderOrRouteFails() {
        assertRefused(READ, 418, HEADERS, MEMBER, "status 418 is not documented");
        assertRefused(READ, 200, HEADERS, MEMBER.replace("\"deleted\":false", "\"deleted\":false,\"secret\":1"),
                "secret");
        assertRefused(READ, 200, Map.of("Content-Type", "application/json", "X-Correlation-Id", "c0ffee",
                "X-Debug", "1"), MEMBER, "response header X-Debug is not documented");
        assertRefused(READ, 200, Map.of("Content-Type", "text/plain"), MEMBER, "content type text/plain");
        assertRefused(READ.replace("GET /members/{identifier}", "DELETE /members/{identifier}"), 200, HEADERS,
                MEMBER, "does not document the route");
    }

    @Test
    void anAcceptedRequestMustBeADocumentedOne() {
        String unknownQuery = GatewayEvents.get("/members", "/members", Map.of(), Map.of("name", "x"), Map.of());

        assertRefused(unknownQuery, 200, HEADERS, "{\"members\":[]}", "query parameter name");
        assertDoesNotThrow(() -> ContractValidator.check(unknownQuery, 400, Map.of("Content-Type",
                "application/problem+json", "X-Correlation-Id", "c0ffee"), """
                {"type":"urn:cw-lifecycle:problem:validation","title":"Invalid request","status":400,
                 "correlationId":"c0ffee","errors":[{"field":"name","message":"is not a parameter of this route"}]}"""),
                "a refused request is not held to the request schema");
    }

    @Test
    void theDocumentsOwnExamplesAreAnswersItsSchemasAccept() {
        assertEquals(List.of(), ContractValidator.examplesDisagreeing());
    }

    private static void assertRefused(String event, int status, Map<String, String> headers, String body,
                                      String expected) {
        AssertionError refused = assertThrows(AssertionError.class,
                () -> ContractValidator.check(event, status, headers, body));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
