package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory really failing: its table does not exist in DynamoDB Local (the idempotency table does). */
@QuarkusTest
@TestProfile(DirectoryOutageTest.MissingDirectoryTable.class)
@QuarkusTestResource(FunctionTestResource.class)
class DirectoryOutageTest {

    public static class MissingDirectoryTable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cw.store.directory-table", "cw-lifecycle-directory-absent");
        }
    }


    @Test
    void givenTheDirectoryCannotBeWritten_whenACallbackArrives_thenItIs429AndConnectWisesRedeliveryRunsAgain() {
        ConnectWiseSimulator simulator = FunctionTestResource.simulator();
        CallbackReceiver receiver = CallbackReceiver.registeredWith(simulator);
        int before = simulator.callbacks().deliveries().size();

        SiteMembers.create(simulator);

        List<Delivery> attempts = SiteMembers.deliveriesAfter(simulator, before, 2);
        assertEquals(List.of(1, 2), attempts.stream().map(Delivery::attempt).toList());
        assertEquals(List.of(429, 429), attempts.stream().map(Delivery::status).toList());
        assertEquals(attempts.get(0).body(), attempts.get(1).body());
        List<CallbackReceiver.Answer> answers = receiver.answers();
        CallbackReceiver.Answer last = answers.get(answers.size() - 1);
        assertTrue(last.body().contains("urn:cw-lifecycle:problem:callback-not-applied"), last.body());
        assertEquals(null, last.headers().get("Idempotent-Replayed"));
    }

    @Test
    void givenNeitherTheDirectoryNorConnectWiseAnswers_whenACallbackWithoutEntityArrives_thenItIs429EveryTime() {
        ConnectWiseSimulator simulator = FunctionTestResource.simulator();
        CallbackSigner signer = CallbackSigner.learn(simulator);
        long seeded = 114;
        simulator.faults().arm(Fault.on("GET", "/system/members/" + seeded).status(500));
        ObjectNode callback = SignedCallbacks.payload("updated", seeded, null, signer.keyUrl());

        try {
            for (int delivery = 1; delivery <= 2; delivery++) {
                LambdaInvoker.Answer answer = signer.invoke(callback);

                assertEquals(429, answer.status(), "delivery " + delivery);
                assertEquals("urn:cw-lifecycle:problem:callback-not-applied", answer.body().get("type").asText());
                assertEquals(null, answer.headers().get("Idempotent-Replayed"));
            }
        } finally {
            simulator.faults().clear();
        }
    }
}
