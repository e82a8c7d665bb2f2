package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.MemberDeactivation;
import dev.cwlifecycle.connectwise.model.MemberReference;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SpecSchema;
import dev.cwlifecycle.testing.FixedCredentials;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every body the client sends for create, patch, both deactivations and a callback registration validates against
 * the spec's schema (infra/simulator's connectwise-2025.8.schema.json), and names no property the spec lacks.
 */
@QuarkusTest
class SpecBodiesTest {

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site.seedMembers(5));
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Which spec definition each write's body is, by method and path. */
    private static final Map<String, String> DEFINITIONS = Map.of(
            "POST /system/members", "Member",
            "PATCH /system/members/{id}", "PatchOperations",
            "POST /system/members/{id}/deactivate", "MemberDeactivation",
            "POST /system/callbacks", "CallbackEntry");

    @Test
    void everyWriteTheClientSendsIsASpecBody() {
        ConnectWiseSimulator simulator = SITE.simulator();
        ConnectWiseClient client = new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                FixedCredentials.forSimulator(simulator.baseUrl()), new MovableClock()).forTenant("default");
        Reference technician = Reference.to(client.securityRole("Technician").orElseThrow().id());
        Member leaver = client.create(MemberDrafts.newMember(technician));
        Member successor = client.create(MemberDrafts.newMember(technician));
        Member quitter = client.create(MemberDrafts.newMember(technician));
        simulator.members("acme").assignCompanyTeam(leaver.id(), 8, "Contoso");
        simulator.requestLog().clear();

        client.patch(leaver.id(), JsonPatch.of().replace("title", "Lead").remove("notes"));
        client.deactivate(leaver.id(), MemberDeactivation.handingAllTo(
                new MemberReference(successor.id(), successor.identifier(), null), client.usages(leaver.id()), true));
        client.deactivate(quitter.id(), Instant.parse("2026-11-20T09:30:00Z"));
        client.registerCallback(CallbackEntry.forMembers("cw-lifecycle", "https://example.test/callbacks"));
        client.create(MemberDrafts.newMember(technician));

        List<RecordedRequest> writes = simulator.requestLog().all().stream()
                .filter(request -> !request.method().equals("GET")).toList();
        assertEquals(5, writes.size(), writes::toString);
        for (RecordedRequest write : writes) {
            String definition = DEFINITIONS.get(write.method() + " " + write.path().replaceAll("/\\d+", "/{id}"));
            assertEquals(Set.of(), SCHEMAS.getSchema(SpecSchema.of(definition)).validate(json(write.body())),
                    write + " " + write.body());
            assertEquals(List.of(), write.ignoredProperties(), write::toString);
        }
    }

    @Test
    void theClientHandsOverExactlyTheSpecsSingleValuedKinds() {
        assertEquals(SpecSchema.deactivationKinds(), MemberDeactivation.KINDS);
    }

    private static JsonNode json(String body) {
        try {
            return ConnectWiseJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
