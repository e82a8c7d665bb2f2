package dev.cwlifecycle.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.lifecycle.NewMember;
import dev.cwlifecycle.lifecycle.ProvisionOutcome;
import dev.cwlifecycle.lifecycle.Provisioner;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import dev.cwlifecycle.testing.ConsoleMembers;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class ProvisionFunctionTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Inject
    DynamoDbClient dynamo;
    @Inject
    StoreConfig store;
    @Inject
    ProvisionHandler handler;
    @Inject
    Provisioner provisioner;

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void warmRolesAndClear() {
        simulator = FunctionTestResource.simulator();
        simulator.faults().clear();
        provision(person("Warm", "Up").replace("}", ",\"dryRun\":true}"), Map.of());
        simulator.requestLog().clear();
    }

    @Test
    void createsAMemberWithOneListAndOnePostWhenRolesAreCached() {
        int n = PEOPLE.incrementAndGet();
        String email = "casey.patel" + n + "@acme.example";
        String body = """
                {"firstName":"Casey","lastName":"Patel%d","email":"%s","role":"technician","title":"Engineer",
                 "phone":"+1 555 0100","ticket":{"system":"jira","id":"IT-%d"}}""".formatted(n, email, n);

        Answer answer = provision(body, Map.of());

        assertEquals(201, answer.status());
        assertEquals("created", answer.body().get("outcome").asText());
        assertEquals("cpatel" + n, answer.body().get("identifier").asText());
        assertEquals("Technician", answer.body().get("role").asText());
        assertEquals("F", answer.body().get("licenseClass").asText());
        assertEquals(3, answer.body().get("connectWiseRequests").asInt());
        assertNull(answer.body().get("secondSeatOf"));
        List<RecordedRequest> calls = apiCalls();
        assertEquals(List.of("GET /system/members", "POST /system/members", "GET /system/members"),
                calls.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("officeEmail=\"" + email + "\" and inactiveFlag=false", calls.get(2).query().get("conditions"));
        assertEquals(List.of(), calls.get(1).ignoredProperties());
        assertEquals("identifier like \"cpatel" + n + "*\" or officeEmail=\"" + email + "\"",
                calls.get(0).query().get("conditions"));
        JsonNode posted = json(calls.get(1).body());
        assertEquals(email, posted.get("officeEmail").asText());
        assertEquals("Office", posted.get("defaultEmail").asText());
        assertEquals("+1 555 0100", posted.get("officePhone").asText());
        assertEquals(2, posted.get("securityRole").get("id").asInt());
        assertEquals("Provisioned by cw-lifecycle for ticket jira IT-" + n, posted.get("notes").asText());
        assertNull(posted.get("emailAddress"));
    }

    @Test
    void foldsAccentedNamesIntoTheIdentifierAndSuffixesACollisionWithin15() {
        Answer first = provision(person("José", "Müller-Lüdenscheidt"), Map.of());
        Answer second = provision(person("Josef", "Müller-Lüdenscheidt"), Map.of());

        assertEquals("jmullerludensch", first.body().get("identifier").asText());
        assertEquals("jmullerludensc2", second.body().get("identifier").asText());
    }

    @Test
    void replaysTheStoredAnswerForTheSameKeyAndRefusesAnotherPayloadUnderIt() {
        String key = "key-" + PEOPLE.incrementAndGet();
        String body = person("Rita", "Replay");

        Answer first = provision(body, Map.of("Idempotency-Key", key));
        Answer again = provision(body, Map.of("Idempotency-Key", key));
        Answer other = provision(person("Otto", "Other"), Map.of("Idempotency-Key", key));

        assertEquals(201, first.status());
        assertEquals(201, again.status());
        assertEquals(first.rawBody(), again.rawBody());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(422, other.status());
        assertEquals("urn:cw-lifecycle:problem:idempotency-key-reused", other.body().get("type").asText());
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
    }

    @Test
    void refusesAnActiveMemberWithTheSameEmailNamingIt() {
        String body = person("Ada", "Exists");
        Answer created = provision(body, Map.of());

        Answer again = provision(body.replace("\"Ada\"", "\"Adah\""), Map.of());

        assertEquals(409, again.status());
        assertEquals("urn:cw-lifecycle:problem:member-exists", again.body().get("type").asText());
        assertEquals(created.body().get("memberId").asLong(), again.body().get("memberId").asLong());
        assertNotNull(again.body().get("correlationId"));
    }

    @Test
    void reactivatesAnInactiveMemberClearingItsInactiveDateAndNotingTheTicket() {
        int n = PEOPLE.incrementAndGet();
        String body = """
                {"firstName":"Ina","lastName":"Inactive","email":"ina.inactive%d@acme.example","role":"Technician"}"""
                .formatted(n);
        long id = provision(body, Map.of()).body().get("memberId").asLong();
        simulator.members("acme").update(id, member -> member.put("inactiveFlag", true)
                .put("inactiveDate", "2026-03-01T00:00:00Z"));
        int seats = simulator.members("acme").activeFullSeats();
        simulator.requestLog().clear();

        Answer answer = provision(body.replace("}", ",\"ticket\":{\"system\":\"jira\",\"id\":\"BACK-" + n + "\"}}"),
                Map.of());

        assertEquals(201, answer.status(), answer.rawBody());
        assertEquals("reactivated", answer.body().get("outcome").asText());
        assertEquals(id, answer.body().get("memberId").asLong());
        assertEquals(seats + 1, simulator.members("acme").activeFullSeats());
        List<RecordedRequest> calls = apiCalls();
        assertEquals(List.of("GET /system/members", "PATCH /system/members/" + id),
                calls.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":false},"
                + "{\"op\":\"remove\",\"path\":\"inactiveDate\"},"
                + "{\"op\":\"replace\",\"path\":\"securityRole\",\"value\":{\"id\":2}},"
                + "{\"op\":\"replace\",\"path\":\"licenseClass\",\"value\":\"F\"},"
                + "{\"op\":\"replace\",\"path\":\"notes\",\"value\":\"Provisioned by cw-lifecycle\\n"
                + "Reactivated by cw-lifecycle for ticket jira BACK-" + n + "\"}]", calls.get(1).body());
        JsonNode after = simulator.members("acme").get(id);
        assertTrue(after.path("inactiveDate").isMissingNode() || after.get("inactiveDate").isNull(), after.toString());
    }

    @Test
    void withoutAKeyTheIdempotencyRecordIsKeyedByTheEmailsSha256AndHoldsNoAddress() throws Exception {
        String body = person("Priya", "Private");
        String email = emailOf(body);

        assertEquals(201, provision(body.replace(email, email.toUpperCase()), Map.of()).status());

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(email.toLowerCase().getBytes(StandardCharsets.UTF_8)));
        List<Map<String, AttributeValue>> items = dynamo.scan(scan -> scan.tableName(store.idempotencyTable()))
                .items();
        assertEquals(1, items.stream().filter(item -> item.get(Tables.IDEMPOTENCY_ID).s()
                .startsWith("default#provision#email:" + hash + ":")).count());
        assertTrue(items.stream().noneMatch(item -> item.toString().toLowerCase().contains(email.toLowerCase())),
                "no idempotency record holds the address");
    }

    /** Issue 13: {@code zed.width@} and {@code zed.width\u200B@} were two people, two paid seats. */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"200B", "FEFF", "00A0", "2060", "180E", "2029"})
    void anInvisibleCharacterInTheEmailIsRefusedBeforeConnectWiseAndGivesNoSecondSeat(String codePoint) {
        int n = PEOPLE.incrementAndGet();
        String email = "zed.width" + n + "@acme.example";
        String body = """
                {"firstName":"Zed","lastName":"Width","email":"%s","role":"Technician"}""".formatted(email);
        assertEquals(201, provision(body, Map.of()).status());
        simulator.requestLog().clear();
        String hidden = new String(Character.toChars(Integer.parseInt(codePoint, 16)));

        Answer answer = provision(body.replace("width" + n + "@", "width" + n + hidden + "@"), Map.of());

        assertEquals(400, answer.status(), answer.rawBody());
        assertEquals("email", answer.body().get("errors").get(0).get("field").asText());
        assertTrue(answer.body().get("errors").get(0).get("message").asText().contains("U+" + codePoint),
                answer.rawBody());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
        assertEquals(1, membersWithEmail(email));
    }

    @Test
    void anEmailInAnotherUnicodeFormCaseOrWithItsDomainInUnicodeIsTheSamePerson() {
        int n = PEOPLE.incrementAndGet();
        // NFC "zoë", the domain "bücher" as an IDN
        String body = """
                {"firstName":"Zoë","lastName":"Unicode","email":"zo\u00eb%d@b\u00fccher.example","role":"Technician"}"""
                .formatted(n);
        Answer created = provision(body, Map.of());
        assertEquals(201, created.status(), created.rawBody());
        String stored = simulator.members("acme").get(created.body().get("memberId").asLong()).get("officeEmail")
                .asText();
        assertEquals("zo\u00eb" + n + "@xn--bcher-kva.example", stored);
        simulator.requestLog().clear();

        // NFD "zoë", upper case, the domain already in ASCII: the same person, found, no second member
        Answer nfd = provision(body.replace("zo\u00eb" + n + "@b\u00fccher", "ZOE\u0308" + n + "@XN--BCHER-KVA")
                .replace("\"Zoë\"", "\"Zoey\""), Map.of());
        Answer unicodeDomain = provision(body.replace("b\u00fccher", "B\u00dcCHER"), Map.of());

        assertEquals(409, nfd.status(), nfd.rawBody());
        assertEquals("urn:cw-lifecycle:problem:member-exists", nfd.body().get("type").asText());
        assertEquals(created.body().get("memberId").asLong(), nfd.body().get("memberId").asLong());
        // the very same request with the domain in upper case is the same request: its answer is replayed
        assertEquals(201, unicodeDomain.status(), unicodeDomain.rawBody());
        assertEquals("true", unicodeDomain.header("Idempotent-Replayed"));
        assertEquals(created.body().get("memberId").asLong(), unicodeDomain.body().get("memberId").asLong());
        assertEquals(0, simulator.requestLog().count("POST", "/system/members"));
        assertEquals(1, membersWithEmail(stored));
    }

    /** Issue 13: a reference ConnectWise does not have came back as 502, which means broken credentials. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"defaultLocationId", "defaultDepartmentId", "timeZoneId", "memberTypeId"})
    void aReferenceConnectWiseDoesNotHaveIs422NamingOurFieldAndCreatesNothing(String field) {
        String body = person("Ray", "Reference").replace("}", ",\"" + field + "\":2147483647}");
        int seats = simulator.members("acme").activeFullSeats();
        int creates = simulator.requestLog().count("POST", "/system/members");

        Answer answer = provision(body, Map.of());

        assertEquals(422, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unknown-reference", answer.body().get("type").asText());
        assertEquals(field, answer.body().get("errors").get(0).get("field").asText(), answer.rawBody());
        assertEquals(0, membersWithEmail(emailOf(body)));
        assertEquals(seats, simulator.members("acme").activeFullSeats());
        // checked against the cached setup table before the create: ConnectWise is not even asked to create
        assertEquals(creates, simulator.requestLog().count("POST", "/system/members"));
    }

    @Test
    void aDryRunPlansWithoutWritingAnything() {
        String body = person("Dory", "Dry");

        Answer plan = provision(body.replace("}", ",\"dryRun\":true}"), Map.of("Idempotency-Key", "dry-1"));
        Answer real = provision(body, Map.of("Idempotency-Key", "dry-1"));

        assertEquals(200, plan.status());
        assertEquals("would-create", plan.body().get("outcome").asText());
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
        assertEquals(201, real.status());
        assertNull(real.header("Idempotent-Replayed"));
    }

    @Test
    void thirtyTwoConcurrentRequestsWithOneKeyMakeOneMember() throws Exception {
        String body = person("Conny", "Current");
        int seats = simulator.members("acme").activeFullSeats();

        List<Answer> answers = concurrently(32, () -> handled(body, Map.of("Idempotency-Key", "race-key")));

        assertEquals(1, membersWithEmail(emailOf(body)));
        assertEquals(seats + 1, simulator.members("acme").activeFullSeats());
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 409), statuses(answers));
        assertTrue(answers.stream().anyMatch(a -> a.status() == 201 && a.header("Idempotent-Replayed") == null));
    }

    @Test
    void thirtyTwoConcurrentRequestsWithoutKeyButOneEmailMakeOneMember() throws Exception {
        String body = person("Nora", "Nokey");

        List<Answer> answers = concurrently(32, () -> handled(body, Map.of()));

        assertEquals(1, membersWithEmail(emailOf(body)));
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 409), statuses(answers));
    }

    @Test
    void aSecondSeatTakenPastADefeatedEmailLeaseIsDetectedAndReported() throws Exception {
        // two deployments with separate idempotency tables share no lease: the provisioner runs twice, unguarded,
        // and both plans are answered only once both were asked, so both find nobody and both create
        String body = person("Dora", "Double");
        String email = emailOf(body);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        NewMember request = mapper.readValue(body, ProvisionRequest.class).newMember();
        // the same person typed twice with another first name, so the identifiers differ and both creates succeed
        NewMember retyped = mapper.readValue(body.replace("\"Dora\"", "\"Eda\""), ProvisionRequest.class)
                .newMember();
        CountDownLatch bothPlanned = new CountDownLatch(2);
        simulator.onRequest(recorded -> {
            String conditions = recorded.query().getOrDefault("conditions", "");
            if (recorded.method().equals("GET") && conditions.contains(email) && conditions.contains(" or ")) {
                bothPlanned.countDown();
                awaitQuietly(bothPlanned);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ProvisionOutcome> first = pool.submit(() -> provisioner.provision("default", request));
            Future<ProvisionOutcome> second = pool.submit(() -> provisioner.provision("default", retyped));

            List<ProvisionOutcome> results = List.of(first.get(), second.get());

            assertEquals(2, membersWithEmail(email), "the lease was defeated on purpose");
            // each looks after its own create, so the later look always sees the other member; the earlier one
            // sees it only if the other create was already done
            List<Long> ids = results.stream().map(ProvisionOutcome::memberId).toList();
            List<Long> reportedByFirst = results.get(0).secondSeatOf();
            List<Long> reportedBySecond = results.get(1).secondSeatOf();
            assertTrue(reportedByFirst != null || reportedBySecond != null, "neither create reported the other");
            assertTrue(reportedByFirst == null || reportedByFirst.equals(List.of(ids.get(1))), "" + reportedByFirst);
            assertTrue(reportedBySecond == null || reportedBySecond.equals(List.of(ids.get(0))), "" + reportedBySecond);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProvisionForAnEmailAnotherProvisionIsCreatingWaitsItsTurnWithoutAskingConnectWise() throws Exception {
        int n = PEOPLE.incrementAndGet();
        String email = "lena.lease" + n + "@acme.example";
        String first = """
                {"firstName":"Lena","lastName":"Lease","email":"%s","identifier":"lease%d","role":"Technician"}"""
                .formatted(email, n);
        String second = first.replace("\"Lena\"", "\"Lene\"").replace("\"lease" + n, "\"lleased" + n);
        simulator.faults().arm(Fault.on("POST", "/system/members").latency(Duration.ofSeconds(2)).times(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> creating = pool.submit(() -> handled(first, Map.of("Idempotency-Key", "lease-a" + n)));
            awaitRequests("GET", 1);

            Answer meanwhile = handled(second, Map.of("Idempotency-Key", "lease-b" + n));

            assertEquals(409, meanwhile.status(), meanwhile.rawBody());
            assertEquals("urn:cw-lifecycle:problem:in-progress", meanwhile.body().get("type").asText());
            assertEquals(201, creating.get().status());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("GET /system/members", "POST /system/members", "GET /system/members"),
                apiCalls().stream().map(r -> r.method() + " " + r.path()).toList());
        // the lease was released: the next request for the email plans and finds the member
        Answer after = provision(second, Map.of("Idempotency-Key", "lease-c" + n));
        assertEquals("urn:cw-lifecycle:problem:member-exists", after.body().get("type").asText());
        assertEquals(1, membersWithEmail(email));
    }

    @Test
    void aConnectionDroppedAfterTheMemberWasCreatedIsSettledByIdentifierAndAnswers201WithOneMember() {
        int n = PEOPLE.incrementAndGet();
        String email = "drew.dropped" + n + "@acme.example";
        String body = """
                {"firstName":"Drew","lastName":"Dropped","email":"%s","identifier":"dropped%d","role":"Technician",
                 "ticket":{"system":"jira","id":"DROP-%d"}}""".formatted(email, n, n);
        simulator.faults().arm(Fault.on("POST", "/system/members").dropAfterProcessing().times(1));

        Answer answer = provision(body, Map.of());

        assertEquals(201, answer.status(), answer.rawBody());
        assertEquals("created", answer.body().get("outcome").asText());
        assertEquals(1, membersWithEmail(email));
        List<RecordedRequest> calls = apiCalls();
        assertEquals(List.of("GET /system/members", "POST /system/members", "GET /system/members",
                        "GET /system/members"), calls.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals("identifier=\"dropped" + n + "\"", calls.get(2).query().get("conditions"));
        assertEquals(json(calls.get(1).body()).get("identifier").asText(), answer.body().get("identifier").asText());
        assertEquals(4, answer.body().get("connectWiseRequests").asInt());
    }

    @ParameterizedTest(name = "unanswered create, identifier held by a member with {0} → 409, not claimed")
    @CsvSource({"another office email, other", "another ticket in its notes, same"})
    void anUnansweredCreateNeverClaimsAnotherMemberHoldingTheIdentifier(String difference, String emailOfHolder) {
        int n = PEOPLE.incrementAndGet();
        String email = "held.identifier" + n + "@acme.example";
        String identifier = "held" + n;
        String body = """
                {"firstName":"Hal","lastName":"Held","email":"%s","identifier":"%s","role":"Technician",
                 "ticket":{"system":"jira","id":"IT-%d"}}""".formatted(email, identifier, n);
        ObjectNode holder = ConsoleMembers.technician(identifier, "Hal", "Other",
                        emailOfHolder.equals("same") ? email : "someone.else" + n + "@acme.example")
                .put("notes", "Provisioned by cw-lifecycle for ticket jira OTHER-" + n);
        AtomicLong holderId = new AtomicLong();
        simulator.onRequest(request -> {
            if (request.method().equals("POST") && request.body().contains(email) && holderId.get() == 0) {
                holderId.set(simulator.members("acme").create(holder).get("id").asLong());
            }
        });
        simulator.faults().arm(Fault.on("POST", "/system/members").status(503).times(1));

        Answer answer = provision(body, Map.of());

        assertEquals(409, answer.status(), answer.rawBody());
        assertEquals("urn:cw-lifecycle:problem:member-not-ours", answer.body().get("type").asText());
        assertEquals(holderId.get(), answer.body().get("memberId").asLong());
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
        assertEquals("identifier=\"" + identifier + "\"", apiCalls().get(2).query().get("conditions"));
        assertEquals(1, simulator.members("acme").all().stream()
                .filter(m -> identifier.equals(m.path("identifier").asText())).count());
        assertEquals("Other", simulator.members("acme").get(holderId.get()).get("lastName").asText());
    }

    @Test
    void ridesOutA429StormAndA503Burst() {
        String stormy = person("Stormy", "Weather");
        simulator.faults().arm(Fault.on("GET", "/system/members").rateLimited(null).times(3));
        simulator.faults().arm(Fault.on("POST", "/system/members").rateLimited(1).times(1));
        assertEquals(201, provision(stormy, Map.of()).status());

        String bursty = person("Bursty", "Server");
        simulator.faults().arm(Fault.on("POST", "/system/members").status(503).times(2));
        assertEquals(201, provision(bursty, Map.of()).status());

        assertEquals(1, membersWithEmail(emailOf(stormy)));
        assertEquals(1, membersWithEmail(emailOf(bursty)));
    }

    @Test
    void answers503WithRetryAfterWhenConnectWiseStaysUnavailable() {
        String body = person("Una", "Available");
        simulator.faults().arm(Fault.on("POST", "/system/members").status(503).times(100));

        Answer answer = provision(body, Map.of());

        assertEquals(503, answer.status());
        assertNotNull(answer.header("Retry-After"));
        assertEquals(0, membersWithEmail(emailOf(body)));
        simulator.faults().clear();
        assertEquals(201, provision(body, Map.of()).status());
        assertEquals(1, membersWithEmail(emailOf(body)));
    }

    private static Answer provision(String body, Map<String, String> headers) {
        return LambdaInvoker.invoke(GatewayEvents.post("/members", "/members", Map.of(), headers, body));
    }

    /** The same request handed to the handler on this thread: concurrent calls overlap like separate instances. */
    private Answer handled(String body, Map<String, String> headers) {
        return LambdaInvoker.handle(handler::handle, GatewayEvents.post("/members", "/members", Map.of(), headers, body));
    }

    static String person(String first, String last) {
        int n = PEOPLE.incrementAndGet();
        return """
                {"firstName":"%s","lastName":"%s","email":"%s.%s.%d@acme.example","role":"Technician"}"""
                .formatted(first, last, first.toLowerCase(), last.toLowerCase().replaceAll("[^a-z]", ""), n);
    }

    private static String emailOf(String body) {
        return json(body).get("email").asText();
    }

    private long membersWithEmail(String email) {
        return simulator.members("acme").all().stream()
                .filter(m -> email.equalsIgnoreCase(m.path("officeEmail").asText())).count();
    }

    private void awaitRequests(String method, int count) {
        Awaitility.await(count + " " + method + " of /system/members").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> simulator.requestLog().count(method, "/system/members") >= count);
        assertEquals(count, simulator.requestLog().count(method, "/system/members"));
    }

    private List<RecordedRequest> apiCalls() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Answer> concurrently(int n, Callable<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String statuses(List<Answer> answers) {
        Map<Integer, Integer> counts = new HashMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts.toString();
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
