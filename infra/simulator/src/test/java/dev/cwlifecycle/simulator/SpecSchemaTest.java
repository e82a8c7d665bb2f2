package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every body the simulator answers validates against the spec's schema (connectwise-2025.8.schema.json). */
class SpecSchemaTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(30).start();
        acme = ApiSession.acme(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void everyMemberTheSimulatorAnswersIsASpecMember() {
        HttpResponse<String> created = acme.post("/system/members", MemberFixtures.newMember("schema1"));
        long id = ApiSession.json(created).get("id").asLong();
        HttpResponse<String> patched = acme.patch("/system/members/" + id,
                "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]");

        assertValid("Member", ApiSession.json(created));
        assertValid("Member", ApiSession.json(patched));
        assertValid("Member", ApiSession.json(acme.get("/system/members/" + id)));
        ApiSession.json(acme.get("/system/members?pageSize=1000")).forEach(member -> assertValid("Member", member));
    }

    @Test
    void theDeactivationAnswerIsASpecMemberDeactivation() {
        long leaver = ApiSession.json(acme.post("/system/members", MemberFixtures.newMember("schema2"))).get("id")
                .asLong();
        long successor = ApiSession.json(acme.post("/system/members", MemberFixtures.newMember("schema3")))
                .get("id").asLong();
        simulator.members("acme").assignWork(leaver, "serviceTeam", 1);
        simulator.members("acme").assignCompanyTeam(leaver, 3, "Contoso");
        String to = "{\"reAssignToMember\":{\"id\":" + successor + "}}";

        HttpResponse<String> done = acme.post("/system/members/" + leaver + "/deactivate", "{\"serviceTeam\":" + to
                + ",\"companyTeam\":[{\"id\":3,\"name\":\"Contoso\"," + to.substring(1, to.length() - 1) + "}],"
                + "\"serviceStatusWorkflow\":[{\"id\":4,\"name\":\"Escalation\"," + to.substring(1, to.length() - 1)
                + "}],\"deleteOpenTimeSheetsFlag\":false}");

        assertEquals(200, done.statusCode(), done.body());
        assertValid("MemberDeactivation", ApiSession.json(done));
    }

    @Test
    void aCallbackRegistrationAnswerIsASpecCallbackEntry() {
        HttpResponse<String> registered = acme.post("/system/callbacks", "{\"url\":\"https://example.test/cb\","
                + "\"objectId\":1,\"type\":\"member\",\"level\":\"owner\",\"description\":\"schema\"}");

        assertEquals(201, registered.statusCode(), registered.body());
        assertValid("CallbackEntry", ApiSession.json(registered));
        ApiSession.json(acme.get("/system/callbacks")).forEach(entry -> assertValid("CallbackEntry", entry));
    }

    @Test
    void theSchemaCatchesWhatTheOldClientSent() {
        JsonNode oldDeactivation = ApiSession.parse(
                "{\"reAssignToMember\":{\"id\":5},\"deleteOpenTimeSheetsFlag\":true}");
        JsonNode seedGuideMember = ApiSession.parse("{\"identifier\":\"x\",\"emailAddress\":\"x@acme.example\"}");

        assertFalse(violations("MemberDeactivation", oldDeactivation).isEmpty());
        assertFalse(violations("Member", seedGuideMember).isEmpty());
    }

    private static void assertValid(String definition, JsonNode body) {
        assertEquals(Set.of(), violations(definition, body), body::toString);
    }

    private static Set<ValidationMessage> violations(String definition, JsonNode body) {
        return SCHEMAS.getSchema(SpecSchema.of(definition)).validate(body);
    }
}
