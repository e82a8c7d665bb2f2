package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static CallbackReceiver receiver;
    private ConnectWiseSimulator simulator;
    private ApiSession acme;

    @BeforeAll
    static void listen() {
        receiver = new CallbackReceiver();
    }

    @AfterAll
    static void stopListening() {
        receiver.close();
    }

    @BeforeEach
    void start() throws InterruptedException {
        simulator = ConnectWiseSimulator.builder()
                .callbackRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200))
                .start();
        acme = ApiSession.acme(simulator);
        receiver.clear();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void registersListsFetchesAndDeletesAndRefusesAnIdenticalRegistration() {
        HttpResponse<String> created = acme.post("/system/callbacks", registration(receiver.url()));
        long id = ApiSession.json(created).get("id").asLong();

        HttpResponse<String> duplicate = acme.post("/system/callbacks", registration(receiver.url()));
        HttpResponse<String> otherLevel = acme.post("/system/callbacks", registration(receiver.url()).put("objectId", 2));

        assertEquals(201, created.statusCode());
        assertEquals("member", ApiSession.json(created).get("type").asText());
        assertEquals(400, duplicate.statusCode());
        assertEquals("ObjectExists", ApiSession.json(duplicate).at("/errors/0/code").asText());
        assertEquals("objectId", ApiSession.json(duplicate).at("/errors/0/field").asText());
        assertEquals(201, otherLevel.statusCode());
        assertEquals(2, ApiSession.json(acme.get("/system/callbacks")).size());
        assertEquals(receiver.url(), ApiSession.json(acme.get("/system/callbacks/" + id)).get("url").asText());
        assertEquals(204, acme.delete("/system/callbacks/" + id).statusCode());
        assertEquals(404, acme.get("/system/callbacks/" + id).statusCode());
        assertEquals(1, simulator.callbacks().registrations("acme").size());
    }

    @Test
    void aRegistrationNeedsAUrlTypeLevelAndObjectId() {
        HttpResponse<String> refused = acme.post("/system/callbacks", "{\"description\":\"incomplete\"}");

        assertEquals(400, refused.statusCode());
        assertEquals(4, ApiSession.json(refused).get("errors").size());
    }

    @Test
    void aChangeIsDeliveredSignedWithTheKeyServedAtKeyUrl() throws Exception {
        long registration = register(registration(receiver.url()));

        JsonNode member = ApiSession.json(acme.post("/system/members", newMember()));
        CallbackReceiver.Received received = receiver.next();

        JsonNode payload = ApiSession.parse(received.body());
        assertEquals(List.of("MessageId", "FromUrl", "CompanyId", "MemberId", "Action", "Type", "ID",
                "CallbackObjectRecId", "Entity", "Metadata"), fieldNames(payload));
        assertEquals(simulator.site(), payload.get("FromUrl").asText());
        assertEquals("acme", payload.get("CompanyId").asText());
        assertEquals("apimember", payload.get("MemberId").asText());
        assertEquals("added", payload.get("Action").asText());
        assertEquals("member", payload.get("Type").asText());
        assertEquals(member.get("id").asLong(), payload.get("ID").asLong());
        assertEquals(registration, payload.get("CallbackObjectRecId").asLong());
        assertTrue(payload.get("Entity").isTextual());
        assertEquals(member, ApiSession.parse(payload.get("Entity").asText()));
        String keyUrl = payload.at("/Metadata/key_url").asText();
        assertTrue(keyUrl.startsWith(simulator.baseUrl() + "/v2025_1//system/callbackkey/index.rails?companyName=acme&id="),
                keyUrl);
        String signingKey = ApiSession.json(ApiSession.raw("GET", keyUrl, null)).get("signing_key").asText();
        assertEquals(simulator.callbacks().signingKey("acme"), signingKey);
        assertEquals(Signature.sign(signingKey, received.body().getBytes(StandardCharsets.UTF_8)), received.signature());
    }

    @Test
    void deliveriesAreWrittenAsDotNetWritesThemSoOnlyARawBytesVerifierAgrees() throws Exception {
        register(registration(receiver.url()));
        acme.post("/system/members", newMember().put("firstName", "José").put("lastName", "Müller"));

        CallbackReceiver.Received received = receiver.next();
        String signingKey = simulator.callbacks().signingKey("acme");
        String reserialised = ApiSession.JSON.writeValueAsString(ApiSession.parse(received.body()));

        assertTrue(received.body().contains("Jos\\u00e9"), "é escaped inside the Entity string: " + received.body());
        assertTrue(received.body().contains("\"FromUrl\":\"127.0.0.1:"), received.body());
        assertTrue(received.body().contains("http:\\/\\/127.0.0.1:"), "'/' escaped as .NET does: " + received.body());
        assertFalse(received.body().chars().anyMatch(c -> c > 0x7e), "ASCII only");
        assertEquals(Signature.sign(signingKey, received.body().getBytes(StandardCharsets.UTF_8)), received.signature());
        assertFalse(reserialised.equals(received.body()));
        assertFalse(Signature.sign(signingKey, reserialised.getBytes(StandardCharsets.UTF_8)).equals(received.signature()),
                "a verifier that parses and writes the JSON again must fail");
        assertEquals("José", ApiSession.parse(ApiSession.parse(received.body()).get("Entity").asText())
                .get("firstName").asText());
    }

    @Test
    void updatesAndDeletesAreDeliveredAndADeleteCarriesNoEntity() throws Exception {
        register(registration(receiver.url()));
        long id = ApiSession.json(acme.post("/system/members", newMember())).get("id").asLong();
        receiver.next();

        acme.patch("/system/members/" + id, "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]");
        JsonNode updated = ApiSession.parse(receiver.next().body());
        simulator.members("acme").delete(id);
        JsonNode deleted = ApiSession.parse(receiver.next().body());

        assertEquals("updated", updated.get("Action").asText());
        assertEquals("Lead", ApiSession.parse(updated.get("Entity").asText()).get("title").asText());
        assertEquals("deleted", deleted.get("Action").asText());
        assertTrue(deleted.get("Entity").isNull());
        assertEquals(SimMembers.CONSOLE_USER, deleted.get("MemberId").asText());
        assertNotEquals(updated.get("MessageId"), deleted.get("MessageId"));
    }

    @Test
    void a429IsRetriedTwiceAfterTheRetryDelaysAndA500IsNotRetried() throws Exception {
        register(registration(receiver.url()));
        receiver.answer(429, 429, 429);

        acme.post("/system/members", newMember());
        List<CallbackReceiver.Received> limited = List.of(receiver.next(), receiver.next(), receiver.next());
        receiver.answer(500);
        acme.post("/system/members", newMember());
        receiver.next();

        assertEquals(1, limited.stream().map(CallbackReceiver.Received::body).distinct().count());
        receiver.assertNothingArrivesFor(Duration.ofMillis(600));
        List<Delivery> deliveries = simulator.callbacks().deliveries();
        assertEquals(List.of(429, 429, 429, 500), deliveries.stream().map(Delivery::status).toList());
        assertEquals(List.of(1, 2, 3, 1), deliveries.stream().map(Delivery::attempt).toList());
    }

    @Test
    void a404IsRetriedUntilItSucceeds() {
        register(registration(receiver.url()));
        receiver.answer(404);

        acme.post("/system/members", newMember());
        receiver.next();
        receiver.next();

        awaitDeliveries(2);
        assertEquals(List.of(404, 200), simulator.callbacks().deliveries().stream().map(Delivery::status).toList());
        assertTrue(simulator.callbacks().deliveries().get(1).succeeded());
    }

    @Test
    void aReceiverThatDoesNotAnswerWithin5SecondsIsNotRetried() throws Exception {
        register(registration(receiver.url()));
        receiver.answerAfter(Duration.ofSeconds(6));
        try {
            acme.post("/system/members", newMember());
            receiver.next();
            awaitDeliveries(1);
        } finally {
            receiver.answerAfter(Duration.ZERO);
        }

        Delivery timedOut = simulator.callbacks().deliveries().get(0);
        assertEquals(null, timedOut.status());
        assertTrue(timedOut.error().contains("5 s"), timedOut.error());
        receiver.assertNothingArrivesFor(Duration.ofMillis(400));
    }

    @Test
    void heldDeliveriesAreReleasedInReverseOrder() throws Exception {
        register(registration(receiver.url()));
        simulator.callbacks().hold();

        long first = ApiSession.json(acme.post("/system/members", newMember())).get("id").asLong();
        long second = ApiSession.json(acme.post("/system/members", newMember())).get("id").asLong();
        long third = ApiSession.json(acme.post("/system/members", newMember())).get("id").asLong();
        receiver.assertNothingArrivesFor(Duration.ofMillis(300));
        simulator.callbacks().release(true);

        assertEquals(List.of(third, second, first), List.of(idOf(receiver.next()), idOf(receiver.next()),
                idOf(receiver.next())));
    }

    @Test
    void aRedeliveryIsAnExactDuplicate() {
        register(registration(receiver.url()));
        acme.post("/system/members", newMember());
        CallbackReceiver.Received original = receiver.next();
        awaitDeliveries(1);

        simulator.callbacks().redeliver(simulator.callbacks().deliveries().get(0));
        CallbackReceiver.Received duplicate = receiver.next();

        assertEquals(original, duplicate);
    }

    @Test
    void inactiveAndSelfSuppressedRegistrationsSkipTheChangesTheyShouldNotSee() throws Exception {
        register(registration(receiver.url()).put("inactiveFlag", true));
        register(registration(receiver.url()).put("objectId", 2).put("isSelfSuppressedFlag", true));

        long id = ApiSession.json(acme.post("/system/members", newMember())).get("id").asLong();
        receiver.assertNothingArrivesFor(Duration.ofMillis(400));
        simulator.members("acme").update(id, member -> member.put("title", "Changed in the console"));

        assertEquals(SimMembers.CONSOLE_USER, ApiSession.parse(receiver.next().body()).get("MemberId").asText());
    }

    @Test
    void onlyAnOwnerLevelRegistrationGetsEveryMembersChanges() {
        // GIVEN a board-level registration first, then an owner-level one (deliveries go out in registration order)
        String boardUrl = receiver.url() + "?level=board";
        String ownerUrl = receiver.url() + "?level=owner";
        register(registration(boardUrl).put("level", "board"));
        register(registration(ownerUrl).put("level", "Owner"));

        // WHEN a member is created
        acme.post("/system/members", newMember());
        awaitDeliveries(1);

        // THEN the owner-level registration got it and the board-level one, which would have come first, did not
        assertEquals(ownerUrl, simulator.callbacks().deliveries().get(0).url());
    }

    @Test
    void aKeyUrlWithTheWrongIdIsNotFound() {
        HttpResponse<String> wrong = ApiSession.raw("GET", simulator.baseUrl()
                + "/v2025_1//system/callbackkey/index.rails?companyName=acme&id=not-the-id", null);

        assertEquals(404, wrong.statusCode());
    }

    private long register(ObjectNode registration) {
        HttpResponse<String> created = acme.post("/system/callbacks", registration);
        assertEquals(201, created.statusCode(), created.body());
        return ApiSession.json(created).get("id").asLong();
    }

    private void awaitDeliveries(int count) {
        Awaitility.await(count + " deliveries").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> simulator.callbacks().deliveries().size() >= count);
        assertEquals(count, simulator.callbacks().deliveries().size());
    }

    private static ObjectNode registration(String url) {
        return ApiSession.JSON.createObjectNode().put("description", "cw-lifecycle").put("url", url)
                .put("objectId", 1).put("type", "member").put("level", "owner").put("payloadVersion", "3.0.0")
                .put("inactiveFlag", false);
    }

    private static ObjectNode newMember() {
        return MemberFixtures.newMember("ccall" + PEOPLE.incrementAndGet());
    }

    private static long idOf(CallbackReceiver.Received received) {
        return ApiSession.parse(received.body()).get("ID").asLong();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
