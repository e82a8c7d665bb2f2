package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.testing.ConnectWiseSeconds;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.cwlifecycle.callback.SiteMembers.await;
import static dev.cwlifecycle.callback.SiteMembers.id;
import static dev.cwlifecycle.callback.SiteMembers.lastUpdated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callbacks the simulator signs and delivers by itself, through API Gateway's shape, to the handler. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class CallbackDeliveryTest {

    private static final String TENANT = "default";
    private static final AtomicReference<String> RIVAL_URL = new AtomicReference<>();
    private static ConnectWiseSimulator listenedTo;

    @Inject
    CallbackRegistration registration;
    @Inject
    ConnectWiseClients connectWise;
    @Inject
    MemberDirectory directory;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    StoreConfig stores;

    private ConnectWiseSimulator simulator;
    private CallbackReceiver receiver;

    @BeforeEach
    void registerTheFunction() {
        simulator = FunctionTestResource.simulator();
        simulator.faults().clear();
        receiver = CallbackReceiver.registeredWith(simulator);
        simulator.requestLog().clear();
    }

    @Test
    void givenAnAddedMember_whenDelivered_thenTheSignedEntityIsStoredWithoutAskingConnectWise() {
        ObjectNode created = SiteMembers.create(simulator);

        await("the new member in the directory", () -> directory.get(TENANT, id(created)).isPresent());

        DirectoryEntry stored = directory.get(TENANT, id(created)).orElseThrow();
        assertEquals(created.get("identifier").asText(), stored.identifier());
        assertEquals(created.get("officeEmail").asText(), stored.officeEmail());
        assertEquals("Technician", stored.securityRole());
        assertEquals(lastUpdated(created), stored.lastUpdated());
        assertEquals(DirectoryEntry.Source.CALLBACK, stored.source());
        assertFalse(stored.pending());
        assertEquals(0, simulator.requestLog().count("GET", "/system/members"));
        assertEquals(200, lastDeliveryFor(id(created)).status());
    }

    @Test
    void givenAStoredMember_whenUpdatedThenDeleted_thenTheDirectoryFollowsAndEndsWithATombstone() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        ConnectWiseSeconds.awaitAfter(lastUpdated(created));

        ObjectNode renamed = simulator.members("acme").update(id(created), member -> member.put("lastName", "Renamed"));
        await("the new last name", () -> "Renamed".equals(directory.get(TENANT, id(created)).orElseThrow().lastName()));
        simulator.members("acme").delete(id(created));
        await("the tombstone", () -> directory.get(TENANT, id(created)).orElseThrow().deleted());

        DirectoryEntry tombstone = directory.get(TENANT, id(created)).orElseThrow();
        assertFalse(tombstone.lastUpdated().isBefore(lastUpdated(renamed)));
        assertEquals(0, simulator.requestLog().count("GET", "/system/members"));
    }

    @Test
    void givenAnAppliedCallback_whenConnectWiseDeliversItAgain_thenItIsAnsweredButNotAppliedTwice() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        Delivery first = lastDeliveryFor(id(created));
        // with the row gone, a second apply would show by writing it again
        dynamo.deleteItem(delete -> delete.tableName(stores.directoryTable()).key(Map.of(
                "tenant", AttributeValue.fromS(TENANT), "memberId", AttributeValue.fromN(String.valueOf(id(created))))));
        int before = simulator.callbacks().deliveries().size();

        simulator.callbacks().redeliver(first);

        Delivery again = SiteMembers.deliveriesAfter(simulator, before, 1).get(0);
        assertEquals(first.body(), again.body());
        assertEquals(200, again.status());
        assertEquals("true", lastAnswer().headers().get("Idempotent-Replayed"));
        assertTrue(directory.get(TENANT, id(created)).isEmpty());
    }

    @Test
    void givenTwoUpdates_whenDeliveredNewestFirst_thenTheOlderOneArrivingLastLeavesTheNewerState() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        ConnectWiseSeconds.awaitAfter(lastUpdated(created));
        simulator.callbacks().hold();
        ObjectNode older = simulator.members("acme").update(id(created), member -> member.put("lastName", "Older"));
        ConnectWiseSeconds.awaitAfter(lastUpdated(older));
        ObjectNode newer = simulator.members("acme").update(id(created), member -> member.put("lastName", "Newer"));
        int before = simulator.callbacks().deliveries().size();

        simulator.callbacks().release(true);

        List<Delivery> reversed = SiteMembers.deliveriesAfter(simulator, before, 2);
        assertTrue(reversed.get(0).body().contains("Newer"), "the newer update is delivered first");
        assertEquals(List.of(200, 200), reversed.stream().map(Delivery::status).toList());
        DirectoryEntry stored = directory.get(TENANT, id(created)).orElseThrow();
        assertEquals("Newer", stored.lastName());
        assertEquals(lastUpdated(newer), stored.lastUpdated());
        assertEquals(0, simulator.requestLog().count("GET", "/system/members"));
    }

    @Test
    void givenTheFunctionIsRegistered_whenRegisteredAgain_thenTheOneRegistrationIsReused() {
        CallbackRegistration.Registered again = registration.register(TENANT, receiver.url());

        assertFalse(again.created());
        assertEquals(receiver.registered().entry().id(), again.entry().id());
        List<JsonNode> ours = simulator.callbacks().registrations("acme").stream()
                .filter(entry -> entry.path("url").asText().equals(receiver.url())).map(JsonNode.class::cast).toList();
        assertEquals(1, ours.size());
        assertEquals("member", ours.get(0).path("type").asText());
        assertEquals("owner", ours.get(0).path("level").asText());
        assertEquals(1, ours.get(0).path("objectId").asLong());
        assertEquals(0, simulator.requestLog().count("POST", "/system/callbacks"));
    }

    @Test
    void givenAnIdenticalRegistrationLandingBetweenListAndPost_whenRegistering_thenThatOneIsReturned() {
        String url = "https://cw-lifecycle.example/callbacks/connectwise?tenant=race";
        listenForTheRival();
        RIVAL_URL.set(url);

        CallbackRegistration.Registered registered = registration.register(TENANT, url);

        try {
            assertFalse(registered.created());
            assertEquals("rival", registered.entry().description());
            assertEquals(1, simulator.callbacks().registrations("acme").stream()
                    .filter(entry -> entry.path("url").asText().equals(url)).count());
            assertEquals(2, simulator.requestLog().count("POST", "/system/callbacks"));
        } finally {
            connectWise.forTenant(TENANT).deleteCallback(registered.entry().id());
        }
    }

    /** Registers the same subscription right after our first list is answered, as a concurrent run would. */
    private void listenForTheRival() {
        if (listenedTo == simulator) {
            return;
        }
        listenedTo = simulator;
        simulator.onRequest(request -> {
            if (request.method().equals("GET") && request.path().equals("/system/callbacks")) {
                String url = RIVAL_URL.getAndSet(null);
                if (url != null) {
                    connectWise.forTenant(TENANT).registerCallback(CallbackEntry.forMembers("rival", url));
                }
            }
        });
    }

    /** The latest delivery about the member, once it has been answered. */
    private Delivery lastDeliveryFor(long memberId) {
        await("a delivery about member " + memberId, () -> simulator.callbacks().deliveries().stream()
                .anyMatch(delivery -> payload(delivery).path("ID").asLong() == memberId));
        return simulator.callbacks().deliveries().stream()
                .filter(delivery -> payload(delivery).path("ID").asLong() == memberId)
                .reduce((first, second) -> second).orElseThrow();
    }

    private CallbackReceiver.Answer lastAnswer() {
        List<CallbackReceiver.Answer> answers = receiver.answers();
        return answers.get(answers.size() - 1);
    }

    private static JsonNode payload(Delivery delivery) {
        try {
            return SignedCallbacks.JSON.readTree(delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
