package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.error.ConflictException;
import dev.cwlifecycle.connectwise.error.MethodNotAllowedException;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.InvalidQueryException;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.connectwise.model.CallbackEntry;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.MemberDeactivation;
import dev.cwlifecycle.connectwise.model.MemberUsage;
import dev.cwlifecycle.connectwise.model.MemberReference;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.connectwise.model.SecurityRole;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.testing.FixedCredentials;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConnectWiseClientTest {

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site.seedMembers(40));
    private static ConnectWiseSimulator simulator;
    private static FixedCredentials credentials;
    private static ConnectWiseClient client;

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        credentials = FixedCredentials.forSimulator(simulator.baseUrl());
        client = new ConnectWiseClients(TestConnectWiseConfig.defaults(), credentials, new MovableClock())
                .forTenant("default");
        client.securityRoles();
    }

    @Test
    void sendsConnectWiseAuthenticationAndVersionHeaders() {
        client.member(firstMemberId());

        RecordedRequest request = apiRequests().get(0);
        String basic = Base64.getEncoder().encodeToString("acme+pub-acme:priv-acme".getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, request.headers().get("authorization"));
        assertEquals("0f1e2d3c-aaaa-bbbb-cccc-000000000001", request.headers().get("clientid"));
        assertEquals("application/vnd.connectwise.com+json; version=2025.8", request.headers().get("accept"));
        assertEquals("application/json", request.headers().get("content-type"));
    }

    @Test
    void findsByIdentifierWithAQuotedCondition() {
        Member created = client.create(newMember());
        simulator.requestLog().clear();

        Member found = client.findByIdentifier(created.identifier()).orElseThrow();

        assertEquals(created.id(), found.id());
        assertEquals("identifier=\"" + created.identifier() + "\"", apiRequests().get(0).query().get("conditions"));
        assertTrue(client.findByOfficeEmail("nobody@nowhere.example").isEmpty());
    }

    @Test
    void sendsTheConditionsPercentEncodedWithASpaceAsPercent20() {
        client.members(MemberQuery.where(Conditions.field("identifier").in(List.of("a~b", "c d")))).findFirst();

        assertEquals("conditions=identifier%20in%20%28%22a%7Eb%22%2C%22c%20d%22%29&pageSize=1000",
                apiRequests().get(0).rawQuery());
    }

    @Test
    void refusesAConditionValueWithAQuoteBeforeAnyRequest() {
        assertThrows(InvalidQueryException.class, () -> client.findByIdentifier("bob\"or\"1"));
        assertThrows(InvalidQueryException.class, () -> client.findByOfficeEmail("a\\b@x.example"));

        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void refusesAUrlOverConnectWisesLengthLimitBeforeAnyRequest() {
        List<String> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "identifier" + i).toList();

        InvalidQueryException refused = assertThrows(InvalidQueryException.class,
                () -> client.members(MemberQuery.where(Conditions.field("identifier").in(many))).findFirst());

        assertTrue(refused.getMessage().contains("at most 2000"), refused.getMessage());
        assertEquals(List.of(), simulator.requestLog().all());
    }

    @Test
    void createsWithTheSpecsFieldNamesAndReportsDuplicatesAsObjectExists() {
        Member member = newMember();
        Member created = client.create(member);

        assertEquals(member.identifier(), created.identifier());
        assertTrue(apiRequests().get(0).body().contains("\"securityRole\":{\"id\":"));
        assertTrue(apiRequests().get(0).body().contains("\"officeEmail\":\"" + member.officeEmail() + "\""));
        BadRequestException duplicate = assertThrows(BadRequestException.class, () -> client.create(member));
        assertTrue(duplicate.objectExists());
        assertTrue(duplicate.getMessage().contains("ObjectExists"), duplicate.getMessage());
    }

    @Test
    void reportsMissingRequiredFieldsWithConnectWisesFieldErrors() {
        Member incomplete = new Member(null, MemberDrafts.identifier("nofirst"), null, "Last", null, null, null,
                null, null, null, null, null, null, null, "F", technician(), null, null, null, null, null, null,
                null, null, null, null);

        BadRequestException refused = assertThrows(BadRequestException.class, () -> client.create(incomplete));

        assertEquals("firstName", refused.error().fieldErrors().get(0).field());
        assertEquals("MissingRequiredField", refused.error().fieldErrors().get(0).code());
        assertFalse(refused.getMessage().contains("priv-acme"));
    }

    @Test
    void patchesWithAJsonPatchArrayAndDeactivates() {
        Member created = client.create(newMember());
        simulator.requestLog().clear();
        Instant at = Instant.parse("2026-11-20T09:30:00Z");

        Member inactive = client.deactivate(created.id(), at);

        assertFalse(inactive.active());
        assertEquals(at, inactive.inactiveDate());
        RecordedRequest patch = apiRequests().get(0);
        assertEquals("PATCH", patch.method());
        assertEquals("[{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":true},"
                + "{\"op\":\"replace\",\"path\":\"inactiveDate\",\"value\":\"2026-11-20T09:30:00Z\"}]", patch.body());
    }

    @Test
    void deactivatesWithTheSpecsHandOverBodyAndReadsWhatWasHandedOver() throws Exception {
        Member leaver = client.create(newMember());
        Member successor = client.create(newMember());
        simulator.members("acme").assignWork(leaver.id(), "serviceTeam", 2);
        simulator.members("acme").assignCompanyTeam(leaver.id(), 5, "Northwind");
        List<MemberUsage> usages = client.usages(leaver.id());

        Map<String, Integer> handedOver = client.deactivate(leaver.id(),
                MemberDeactivation.handingAllTo(MemberReference.byId(successor.id()), usages, true));

        assertEquals(Map.of("serviceTeam", 2, "companyTeam", 1), handedOver);
        assertFalse(client.member(leaver.id()).active());
        assertEquals(List.of(), client.usages(leaver.id()));
        RecordedRequest post = apiRequests().stream().filter(r -> r.path().endsWith("/deactivate")).findFirst()
                .orElseThrow();
        JsonNode body = ConnectWiseJson.MAPPER.readTree(post.body());
        assertEquals(MemberDeactivation.KINDS.size() + 2, body.size(), post.body());
        MemberDeactivation.KINDS.forEach(kind -> assertEquals("{\"reAssignToMember\":{\"id\":" + successor.id() + "}}",
                body.get(kind).toString(), kind));
        assertEquals("[{\"id\":5,\"name\":\"Northwind\",\"reAssignToMember\":{\"id\":" + successor.id() + "}}]",
                body.get("companyTeam").toString());
        assertTrue(body.get("deleteOpenTimeSheetsFlag").asBoolean());
        assertEquals(List.of(), post.ignoredProperties());
    }

    @Test
    void aMemberDeleteIs405OnASiteFollowingTheSpecAndAConflictWithHistoryWhereTheSeedsRouteIsServed() {
        Member created = client.create(newMember());
        assertThrows(MethodNotAllowedException.class, () -> client.delete(created.id()));

        simulator.memberDelete(true);
        try {
            simulator.members("acme").markHistory(created.id());
            assertThrows(ConflictException.class, () -> client.delete(created.id()));
            Member other = client.create(newMember());
            client.delete(other.id());
            assertThrows(NotFoundException.class, () -> client.member(other.id()));
        } finally {
            simulator.memberDelete(false);
        }
    }

    @Test
    void mapsSecurityRolesByNameCaseInsensitivelyFromOneCachedRequest() {
        SecurityRole technician = client.securityRole("TECHNICIAN").orElseThrow();
        client.securityRole("admin").orElseThrow();

        assertEquals("Technician", technician.name());
        assertEquals(0, simulator.requestLog().count("GET", "/system/securityroles"));
    }

    @Test
    void recoversFromA429StormHonouringRetryAfter() {
        // GIVEN a client whose retries record the waits they ask for instead of sleeping them
        List<Long> waits = new CopyOnWriteArrayList<>();
        TestConnectWiseConfig config = TestConnectWiseConfig.defaults();
        ConnectWiseClient recording = new ConnectWiseClients(config, credentials, new MovableClock(),
                AttemptObserver.NONE, new RetryPolicy(config.retry(), ceiling -> ceiling, System::nanoTime, wait -> {
                    waits.add(wait);
                    return 0;
                })).forTenant("default");
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(1).times(2));

        // WHEN two 429s with "Retry-After: 1" come before the answer
        recording.member(firstMemberId());

        // THEN each retry waited the second the site asked for
        assertEquals(List.of(1000L, 1000L), waits);
        assertEquals(List.of(429, 429, 200), apiRequests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void recoversFromA429StormWithoutRetryAfterByBackingOff() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(null).times(4));

        client.member(firstMemberId());

        assertEquals(List.of(429, 429, 429, 429, 200), apiRequests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void givesUpWhenTheAttemptsAreSpentAndSaysWhy() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(null).times(50));

        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> client.member(firstMemberId()));

        assertEquals(5, apiRequests().size());
        assertEquals(429, limited.status());
    }

    @Test
    void reportsARetryAfterLongerThanTheLongestWaitInsteadOfSleeping() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(30).times(1));

        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> client.member(firstMemberId()));

        assertEquals(Duration.ofSeconds(30), limited.retryAfter().orElseThrow());
        assertEquals(1, apiRequests().size());
    }

    @Test
    void aRetryAfterPastTheTotalBudgetIsReportedWithItAndNothingIsResent() {
        // GIVEN a 1 s budget, a 5 s longest wait, and a 429 asking for 3 s followed by a good answer
        ConnectWiseClient budgeted = new ConnectWiseClients(TestConnectWiseConfig.defaults()
                .withRetryWaits(Duration.ofSeconds(5), Duration.ofSeconds(1)), credentials, new MovableClock())
                .forTenant("default");
        budgeted.member(firstMemberId());
        simulator.requestLog().clear();
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(3).times(1));

        // WHEN the member is read, THEN the 429 is reported with its Retry-After and nothing is sent again
        // (that it is reported without waiting first is RetryBudgetTest's, on a clock it controls)
        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> budgeted.member(firstMemberId()));
        assertEquals(Duration.ofSeconds(3), limited.retryAfter().orElseThrow());
        assertEquals(List.of(429), apiRequests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void retriesPatchOn503ButNeverRetriesAPostThatMayHaveRun() {
        Member created = client.create(newMember());
        simulator.faults().arm(Fault.on("PATCH", "/system/members/\\d+").status(503).times(2));
        client.patch(created.id(), JsonPatch.of().replace("title", "Lead"));
        assertEquals(3, simulator.requestLog().count("PATCH", "/system/members"));

        simulator.requestLog().clear();
        simulator.faults().arm(Fault.on("POST", "/system/members").status(503).times(1));
        assertThrows(ServerErrorException.class, () -> client.create(newMember()));
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
    }

    @Test
    void doesNotResendAPostWhoseConnectionDroppedAfterTheMemberWasCreated() {
        Member member = newMember();
        int seatsBefore = simulator.members("acme").activeFullSeats();
        simulator.faults().arm(Fault.on("POST", "/system/members").dropAfterProcessing().times(1));

        ConnectionFailedException unknown = assertThrows(ConnectionFailedException.class, () -> client.create(member));

        assertFalse(unknown.neverSent());
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
        assertEquals(seatsBefore + 1, simulator.members("acme").activeFullSeats());
        assertEquals(member.identifier(), client.findByIdentifier(member.identifier()).orElseThrow().identifier());
    }

    @Test
    void retriesAGetWhoseConnectionDropped() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").dropBeforeProcessing().times(2));

        client.member(firstMemberId());

        assertEquals(1, apiRequests().stream().filter(r -> r.status() == 200).count());
    }

    @Test
    void retriesAPostThatNeverReachedTheServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FixedCredentials nowhere = new FixedCredentials(new ConnectWiseCredentials("http://127.0.0.1:" + closedPort,
                "acme", "pub-acme", "priv-acme", "0f1e2d3c-aaaa-bbbb-cccc-000000000001", "v2025_1/", null));
        ConnectWiseClient unreachable = new ConnectWiseClients(TestConnectWiseConfig.defaults().withMaxAttempts(3),
                nowhere, new MovableClock()).forTenant("default");

        ConnectionFailedException failed = assertThrows(ConnectionFailedException.class,
                () -> unreachable.create(newMember()));

        assertTrue(failed.neverSent());
        assertTrue(failed.getSuppressed().length == 0 && failed.getMessage().contains("connection not established"));
    }

    @Test
    void aMissingClientIdIsRefusedWithConnectWisesOwnReason() {
        FixedCredentials noClientId = new FixedCredentials(new ConnectWiseCredentials(simulator.baseUrl(), "acme",
                "pub-acme", "priv-acme", "", null, null));
        ConnectWiseClient refused = new ConnectWiseClients(TestConnectWiseConfig.defaults(), noClientId,
                new MovableClock()).forTenant("t");

        UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class,
                () -> refused.member(firstMemberId()));

        assertEquals("", apiRequests().get(0).headers().getOrDefault("clientid", ""));
        assertTrue(unauthorized.getMessage().contains("clientId"), unauthorized.getMessage());
        assertFalse(unauthorized.getMessage().contains("priv-acme"));
    }

    @Test
    void rereadsCredentialsOnceOn401AndReportsTheSecond() {
        FixedCredentials wrong = new FixedCredentials(new ConnectWiseCredentials(simulator.baseUrl(), "acme",
                "pub-acme", "not-the-key", "0f1e2d3c-aaaa-bbbb-cccc-000000000001", null, null));
        ConnectWiseClient refused = new ConnectWiseClients(TestConnectWiseConfig.defaults(), wrong, new MovableClock())
                .forTenant("t");

        UnauthorizedException unauthorized = assertThrows(UnauthorizedException.class,
                () -> refused.member(firstMemberId()));

        assertEquals(1, wrong.refreshes());
        assertEquals(2, simulator.requestLog().count("GET", "/system/members"));
        assertFalse(unauthorized.getMessage().contains("not-the-key"));
        assertFalse(unauthorized.getMessage().contains("pub-acme"));
    }

    @Test
    void discoversTheCodebaseOnceAndReResolvesItAfterAnUpgrade() {
        ConnectWiseClient fresh = new ConnectWiseClients(TestConnectWiseConfig.defaults(), credentials,
                new MovableClock()).forTenant("default");
        fresh.member(firstMemberId());
        fresh.member(firstMemberId());
        assertEquals(1, simulator.requestLog().count("GET", "/login/companyinfo/acme"));

        simulator.upgradeCodebase("v2025_2/");
        try {
            fresh.member(firstMemberId());
        } finally {
            simulator.upgradeCodebase("v2025_1/");
        }

        assertEquals(2, simulator.requestLog().count("GET", "/login/companyinfo/acme"));
    }

    @Test
    void registersListsAndDeletesCallbacks() {
        CallbackEntry entry = CallbackEntry.forMembers("cw-lifecycle", "https://hooks.example/callbacks/connectwise");

        CallbackEntry registered = client.registerCallback(entry);

        assertTrue(client.callbacks().stream().anyMatch(existing -> existing.sameSubscriptionAs(entry)));
        BadRequestException duplicate = assertThrows(BadRequestException.class, () -> client.registerCallback(entry));
        assertTrue(duplicate.objectExists());
        client.deleteCallback(registered.id());
        assertFalse(client.callbacks().stream().anyMatch(existing -> existing.sameSubscriptionAs(entry)));
    }

    private static long firstMemberId() {
        return simulator.members("acme").all().get(0).get("id").asLong();
    }

    private static List<RecordedRequest> apiRequests() {
        return simulator.requestLog().all().stream().filter(r -> r.path().startsWith("/system/")).toList();
    }

    private static Reference technician() {
        return Reference.to(client.securityRole("Technician").orElseThrow().id());
    }

    private static Member newMember() {
        return MemberDrafts.newMember(technician());
    }
}
