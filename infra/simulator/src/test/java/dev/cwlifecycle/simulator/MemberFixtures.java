package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Member bodies as a client following the spec would send them. */
final class MemberFixtures {

    static final long TECHNICIAN = 2;

    private MemberFixtures() {
    }

    /** The fields POST requires, with an office email derived from the identifier. */
    static ObjectNode newMember(String identifier) {
        ObjectNode member = ApiSession.JSON.createObjectNode()
                .put("identifier", identifier)
                .put("firstName", "Casey")
                .put("lastName", "Tester")
                .put("officeEmail", identifier + "@acme.example")
                .put("licenseClass", "F");
        member.putObject("securityRole").put("id", TECHNICIAN);
        return member;
    }
}
