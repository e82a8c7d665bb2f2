package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Member bodies as a client following the spec would send them. */
final class MemberFixtures {

    static final long TECHNICIAN = 2;
    static final String HIRE_DATE = "2026-02-16T00:00:00Z";
    /** What spec 2025.x requires on POST and PUT, in the order ConnectWise reports them missing. */
    static final String[] REQUIRED = {"identifier", "firstName", "lastName", "licenseClass", "securityRole",
            "hireDate", "defaultEmail", "defaultPhone"};

    private MemberFixtures() {
    }

    /** {@link #REQUIRED}, for parameterized tests. */
    static Stream<String> required() {
        return Stream.of(REQUIRED);
    }

    /** The fields POST requires, with an office email derived from the identifier. */
    static ObjectNode newMember(String identifier) {
        ObjectNode member = ApiSession.JSON.createObjectNode()
                .put("identifier", identifier)
                .put("firstName", "Casey")
                .put("lastName", "Tester")
                .put("officeEmail", identifier + "@acme.example")
                .put("licenseClass", "F")
                .put("hireDate", HIRE_DATE)
                .put("defaultEmail", "Office")
                .put("defaultPhone", "Office");
        member.putObject("securityRole").put("id", TECHNICIAN);
        return member;
    }

    /** Asserts ConnectWise's 400 for a member lacking exactly {@code field}, and nothing else reported. */
    static void assertMissingOnly(String field, HttpResponse<String> refused) {
        assertEquals(400, refused.statusCode());
        JsonNode body = ApiSession.json(refused);
        assertEquals("InvalidObject", body.get("code").asText());
        assertEquals("member object is invalid", body.get("message").asText());
        assertEquals("[{\"code\":\"MissingRequiredField\",\"message\":\"The " + field + " field is required.\","
                + "\"resource\":\"member\",\"field\":\"" + field + "\"}]", body.get("errors").toString());
    }
}
