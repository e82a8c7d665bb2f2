package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.metrics.MetricNames;
import dev.cwlifecycle.metrics.Metrics;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.EmittedMetrics;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The EMF record of each callback answer: its outcome, a refusal by its reason, under the tenant it names. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class CallbackMetricsTest {

    private static final String TENANT = "default";
    private static final long SEEDED = 112;

    @Inject
    EmittedMetrics metrics;
    @Inject
    Metrics pending;

    private ConnectWiseSimulator simulator;
    private CallbackSigner signer;

    @BeforeEach
    void learnTheSigningKey() {
        simulator = FunctionTestResource.simulator();
        signer = CallbackSigner.learn(simulator);
        simulator.requestLog().clear();
        // learning the key calls beans directly, outside any handler: drain what that left pending
        pending.emit("setup");
        metrics.clear();
    }

    @Test
    void anAppliedARedeliveredAndAnOlderCallbackAreCountedAsTheirAnswersSay() {
        ObjectNode update = SignedCallbacks.payload("updated", SEEDED, null, signer.keyUrl());
        ObjectNode older = simulator.members("acme").get(SEEDED).deepCopy();
        ((ObjectNode) older.get("_info")).put("lastUpdated",
                SiteMembers.lastUpdated(older).minusSeconds(60).toString());

        Answer applied = signer.invoke(update);
        Map<String, Double> appliedValues = metrics.only("callback", TENANT).values();
        metrics.clear();
        Answer redelivered = signer.invoke(update);
        Map<String, Double> redeliveredValues = metrics.only("callback", TENANT).values();
        metrics.clear();
        Answer outdated = signer.invoke(SignedCallbacks.payload("updated", SEEDED, older.toString(), signer.keyUrl()));
        Map<String, Double> outdatedValues = metrics.only("callback", TENANT).values();

        assertEquals("applied", applied.body().get("outcome").asText());
        assertEquals(Map.of("callback.applied", 1.0, "connectwise.requests.2xx",
                (double) simulator.requestLog().count("GET", "/system/members/" + SEEDED)), appliedValues);
        assertEquals("true", redelivered.header("Idempotent-Replayed"));
        assertEquals(Map.of("callback.replayed", 1.0), redeliveredValues);
        assertEquals("unchanged", outdated.body().get("outcome").asText());
        assertEquals(Map.of("callback.unchanged", 1.0), outdatedValues);
    }

    @Test
    void forgedLookingCallbacksAreCountedByReasonUnderTheirTenantAndAForeignCompanyUnderNone() {
        String forged = SignedCallbacks.payload("updated", SEEDED, null, signer.keyUrl()).toString();
        ObjectNode elsewhere = SignedCallbacks.payload("updated", SEEDED, null, "https://evil.example/key");
        ObjectNode foreign = SignedCallbacks.payload("updated", SEEDED, null, signer.keyUrl()).put("CompanyId", "other");

        Answer badSignature = LambdaInvoker.invoke(SignedCallbacks.event(forged,
                SignedCallbacks.sign("not-" + UUID.randomUUID(), forged)));
        Map<String, Double> signatureValues = metrics.only("callback", TENANT).values();
        metrics.clear();
        Answer badKeyUrl = signer.invoke(elsewhere);
        Map<String, Double> keyUrlValues = metrics.only("callback", TENANT).values();
        metrics.clear();
        Answer otherCompany = signer.invoke(foreign);

        assertEquals(List.of(401, 401, 401), List.of(badSignature.status(), badKeyUrl.status(), otherCompany.status()));
        assertEquals(Map.of(MetricNames.CALLBACK_SIGNATURE_REFUSED, 1.0), signatureValues);
        assertEquals(Map.of(MetricNames.CALLBACK_KEY_URL_REFUSED, 1.0), keyUrlValues);
        assertEquals(Map.of("callback.refused.callback-company", 1.0),
                metrics.only("callback", MetricNames.NO_TENANT).values());
    }
}
