package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cw.callback.answer-within} shorter than each timeout: a key fetch or re-read that its own timeout would
 * let finish (and so be applied) is cut off by the answer deadline instead.
 */
@QuarkusTest
@TestProfile(AnswerDeadlineTest.ShortDeadline.class)
@QuarkusTestResource(FunctionTestResource.class)
class AnswerDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cw.callback.answer-within", "PT1S",
                    "cw.callback.key-fetch-timeout", "PT4S",
                    "cw.callback.reread-timeout", "PT4S");
        }
    }

    private static final Duration SLOWER_THAN_THE_DEADLINE = Duration.ofSeconds(2);

    @Inject
    MemberDirectory directory;

    private ConnectWiseSimulator simulator;
    private CallbackSigner signer;
    private String keyUrl;

    @BeforeEach
    void learnTheSigningKey() {
        simulator = FunctionTestResource.simulator();
        signer = CallbackSigner.learn(simulator);
        // a key_url of its own, so the first callback of each test really fetches the key
        keyUrl = signer.keyUrl() + "&copy=" + UUID.randomUUID();
    }

    @Test
    void givenAKeyUrlSlowerThanTheAnswerDeadline_whenACallbackArrives_thenItIs429BeforeTheKeyComes() {
        simulator.faults().arm(Fault.on("GET", "/system/callbackkey/index\\.rails").latency(SLOWER_THAN_THE_DEADLINE));

        Answer answer = invoke(SignedCallbacks.payload("added", 116, null, keyUrl));

        assertEquals(429, answer.status());
        assertEquals("urn:cw-lifecycle:problem:callback-key-unavailable", answer.body().get("type").asText());
    }

    @Test
    void givenAReReadSlowerThanWhatIsLeftOfTheDeadline_whenACallbackArrives_thenTheMemberIsLeftPending() {
        assertEquals(202, invoke(SignedCallbacks.payload("added", 1, null, keyUrl).put("Type", "ticket")).status());
        long seeded = 115;
        simulator.faults().arm(Fault.on("GET", "/system/members/" + seeded).latency(SLOWER_THAN_THE_DEADLINE));

        Answer answer = invoke(SignedCallbacks.payload("updated", seeded, null, keyUrl));

        assertEquals(202, answer.status());
        assertEquals("pending", answer.body().get("outcome").asText());
        assertTrue(directory.get("default", seeded).orElseThrow().pending());
    }

    private Answer invoke(ObjectNode payload) {
        return signer.invoke(payload);
    }
}
