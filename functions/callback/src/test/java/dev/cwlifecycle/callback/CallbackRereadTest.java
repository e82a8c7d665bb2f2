package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.cwlifecycle.callback.SiteMembers.await;
import static dev.cwlifecycle.callback.SiteMembers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed callbacks that need ConnectWise's current member, invoked through the Lambda function. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class CallbackRereadTest {

    private static final String TENANT = "default";

    @Inject
    MemberDirectory directory;

    private ConnectWiseSimulator simulator;
    private CallbackSigner signer;
    private String keyUrl;

    @BeforeEach
    void learnTheSigningKey() {
        simulator = FunctionTestResource.simulator();
        signer = CallbackSigner.learn(simulator);
        keyUrl = signer.keyUrl();
        simulator.requestLog().clear();
    }

    @Test
    void givenACallbackWithoutEntity_whenInvoked_thenTheMemberIsReadOnceByIdAndStored() {
        long seeded = 110;

        Answer answer = invoke(SignedCallbacks.payload("updated", seeded, null, keyUrl));

        assertEquals(200, answer.status());
        assertEquals("applied", answer.body().get("outcome").asText());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members/" + seeded));
        DirectoryEntry stored = directory.get(TENANT, seeded).orElseThrow();
        assertEquals(simulator.members("acme").get(seeded).get("identifier").asText(), stored.identifier());
        assertFalse(stored.pending());
    }

    @Test
    void givenAnUnreadableEntity_whenTheReReadFails_thenTheMemberIsLeftPendingAndTheAnswerIs2xx() {
        long seeded = 111;
        simulator.faults().arm(Fault.on("GET", "/system/members/" + seeded).status(500));

        Answer answer = invoke(SignedCallbacks.payload("updated", seeded, "{not json", keyUrl));

        assertEquals(202, answer.status());
        assertEquals("pending", answer.body().get("outcome").asText());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members/" + seeded));
        assertTrue(directory.get(TENANT, seeded).orElseThrow().pending());
        assertTrue(directory.pendingMemberIds(TENANT).contains(seeded));
    }

    @Test
    void givenAConnectWiseSlowerThanTheReReadTimeout_whenReReading_thenTheReadIsGivenUpAndTheMemberIsPending() {
        long seeded = 112;
        // slower than cw.callback.reread-timeout (2 s): a re-read left to finish would apply the member instead
        simulator.faults().arm(Fault.on("GET", "/system/members/" + seeded).latency(Duration.ofSeconds(4)));

        Answer answer = invoke(SignedCallbacks.payload("added", seeded, null, keyUrl));

        assertEquals(202, answer.status());
        assertEquals("pending", answer.body().get("outcome").asText());
        assertTrue(directory.get(TENANT, seeded).orElseThrow().pending());
    }

    @Test
    void givenStoredDataStampedAfterNow_whenTheReReadFails_thenNothingIsRecordedAndTheAnswerIs429() {
        long seeded = 113;
        Instant ahead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        directory.upsertIfNewer(new DirectoryEntry(TENANT, seeded, "ahead", "Clock", "Ahead", null, null, null,
                true, ahead, DirectoryEntry.Source.SYNC, false, false));
        simulator.faults().arm(Fault.on("GET", "/system/members/" + seeded).status(500));
        ObjectNode callback = SignedCallbacks.payload("updated", seeded, null, keyUrl);

        Answer answer = invoke(callback);

        assertEquals(429, answer.status());
        assertEquals("urn:cw-lifecycle:problem:callback-not-applied", answer.body().get("type").asText());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members/" + seeded));
        DirectoryEntry stored = directory.get(TENANT, seeded).orElseThrow();
        assertFalse(stored.pending());
        assertEquals(ahead, stored.lastUpdated());
        simulator.faults().clear();
        Answer redelivered = invoke(callback);
        assertEquals(200, redelivered.status(), "the redelivery runs again: its idempotency key was released");
        assertEquals(2, simulator.requestLog().count("GET", "/system/members/" + seeded));
    }

    @Test
    void givenAnEntityTyingTheStoredSecondWithOtherData_whenInvoked_thenConnectWiseDecides() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        simulator.requestLog().clear();
        ObjectNode sameSecond = created.deepCopy().put("lastName", "Sameinstant");

        Answer answer = invoke(SignedCallbacks.payload("updated", id(created), sameSecond.toString(), keyUrl));

        assertEquals(200, answer.status());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members/" + id(created)));
        DirectoryEntry stored = directory.get(TENANT, id(created)).orElseThrow();
        assertEquals("Callback", stored.lastName());
        assertFalse(stored.pending());
    }

    @Test
    void givenAnOlderEntity_whenInvoked_thenNothingChangesAndConnectWiseIsNotAsked() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        simulator.requestLog().clear();
        ObjectNode older = created.deepCopy().put("lastName", "Older");
        ((ObjectNode) older.get("_info")).put("lastUpdated", SiteMembers.lastUpdated(created).minusSeconds(60).toString());

        Answer answer = invoke(SignedCallbacks.payload("updated", id(created), older.toString(), keyUrl));

        assertEquals(200, answer.status());
        assertEquals("unchanged", answer.body().get("outcome").asText());
        assertEquals("Callback", directory.get(TENANT, id(created)).orElseThrow().lastName());
        assertEquals(0, simulator.requestLog().count("GET", "/system/members"));
    }

    @Test
    void givenAnotherRecordType_whenInvoked_thenItIsAcceptedAndIgnored() {
        long ticket = 990_001;
        ObjectNode payload = SignedCallbacks.payload("added", ticket, "{\"id\":990001}", keyUrl).put("Type", "ticket");

        Answer answer = invoke(payload);

        assertEquals(202, answer.status());
        assertEquals("ignored", answer.body().get("outcome").asText());
        assertTrue(directory.get(TENANT, ticket).isEmpty());
    }

    private Answer invoke(ObjectNode payload) {
        return signer.invoke(payload);
    }
}
