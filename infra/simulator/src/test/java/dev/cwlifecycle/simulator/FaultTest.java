package dev.cwlifecycle.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    /** What the site waited out before answering, recorded instead of slept. */
    private static final List<Duration> PAUSES = new CopyOnWriteArrayList<>();
    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;
    private static long firstId;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder().seedMembers(10).pauses(PAUSES::add).start();
        acme = ApiSession.acme(simulator);
        firstId = simulator.members("acme").all().get(0).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.faults().clear();
        simulator.requestLog().clear();
        simulator.latency(Duration.ZERO);
        PAUSES.clear();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 405})
    void aStatusFaultAnswersWithAConnectWiseShapedBodyAndDoesNotProcess(int status) {
        int before = simulator.members("acme").size();
        simulator.faults().arm(Fault.on("POST", "/system/members").status(status));

        HttpResponse<String> failed = acme.post("/system/members", next());

        assertEquals(status, failed.statusCode());
        assertTrue(ApiSession.json(failed).get("code").isTextual());
        assertTrue(ApiSession.json(failed).get("message").isTextual());
        assertEquals(before, simulator.members("acme").size());
        assertEquals("status-" + status, simulator.requestLog().all().get(0).fault());
    }

    @Test
    void rateLimitingAnswers429WithRetryAfterWhenAskedAndConnectWisesBody() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(7));
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(null));

        HttpResponse<String> withHeader = acme.get("/system/members/" + firstId);
        HttpResponse<String> without = acme.get("/system/members/" + firstId);
        HttpResponse<String> through = acme.get("/system/members/" + firstId);

        assertEquals(429, withHeader.statusCode());
        assertEquals("7", withHeader.headers().firstValue("retry-after").orElseThrow());
        assertEquals("{\"error\":\"ConnectWiseAPI\",\"message\":\"Too many requests. Please try again in 7 seconds.\"}",
                withHeader.body());
        assertEquals(429, without.statusCode());
        assertTrue(without.headers().firstValue("retry-after").isEmpty());
        assertEquals("{\"error\":\"ConnectWiseAPI\",\"message\":\"Too many requests. Please try again in 30 seconds.\"}",
                without.body());
        assertEquals(200, through.statusCode());
    }

    @Test
    void timesHitsThatManyMatchingRequestsAndOnlyMatchingOnes() {
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").status(503).times(2));

        int list = acme.get("/system/members").statusCode();
        List<Integer> statuses = List.of(acme.get("/system/members/" + firstId).statusCode(),
                acme.get("/system/members/" + firstId).statusCode(), acme.get("/system/members/" + firstId).statusCode());

        assertEquals(200, list);
        assertEquals(List.of(503, 503, 200), statuses);
    }

    @Test
    void probabilityUsesTheSeededRandomAndStaysArmed() {
        simulator.faults().arm(Fault.on(null, "/system/members/count").status(502).probability(1.0));
        List<Integer> always = List.of(acme.get("/system/members/count").statusCode(),
                acme.get("/system/members/count").statusCode(), acme.get("/system/members/count").statusCode());
        simulator.faults().clear();
        simulator.faults().arm(Fault.on(null, "/system/members/count").status(502).probability(0.0));

        assertEquals(List.of(502, 502, 502), always);
        assertEquals(200, acme.get("/system/members/count").statusCode());
    }

    @Test
    void latencyFaultsAndThePerRequestLatencyDelayTheAnswer() {
        simulator.faults().arm(Fault.on("GET", "/system/members/count").latency(Duration.ofMillis(400)));
        assertEquals(200, acme.get("/system/members/count").statusCode());
        assertEquals(List.of(Duration.ofMillis(400)), PAUSES);

        simulator.latency(Duration.ofMillis(300));
        acme.get("/system/members/count");

        assertEquals(List.of(Duration.ofMillis(400), Duration.ofMillis(300)), PAUSES);
    }

    @Test
    void aDropBeforeProcessingClosesTheConnectionWithNoEffect() {
        int before = simulator.members("acme").size();
        simulator.faults().arm(Fault.on("POST", "/system/members").dropBeforeProcessing());

        assertThrows(UncheckedIOException.class, () -> acme.post("/system/members", next()));

        assertEquals(before, simulator.members("acme").size());
        RecordedRequest dropped = simulator.requestLog().all().get(0);
        assertEquals(0, dropped.status());
        assertEquals("drop-before-processing", dropped.fault());
    }

    @Test
    void aDropAfterProcessingCreatesTheMemberButNeverAnswers() {
        int seats = simulator.members("acme").activeFullSeats();
        simulator.faults().arm(Fault.on("POST", "/system/members").dropAfterProcessing());

        assertThrows(UncheckedIOException.class, () -> acme.post("/system/members", next()));

        assertEquals(seats + 1, simulator.members("acme").activeFullSeats());
        assertEquals("drop-after-processing", simulator.requestLog().all().get(0).fault());
    }

    @Test
    void theRequestLogRecordsTheWire() {
        acme.get("/system/members?pageSize=3&conditions=" + "identifier%20like%20%22a*%22", "pagination-type", "forward-only");
        acme.post("/system/members", next());
        ApiSession.raw("GET", simulator.baseUrl() + "/login/companyinfo/acme", null);

        List<RecordedRequest> log = simulator.requestLog().all();
        RecordedRequest list = log.get(0);
        assertEquals("GET", list.method());
        assertEquals("/system/members", list.path());
        assertEquals("pageSize=3&conditions=identifier%20like%20%22a*%22", list.rawQuery());
        assertEquals("identifier like \"a*\"", list.query().get("conditions"));
        assertEquals("forward-only", list.headers().get("pagination-type"));
        assertEquals(ConnectWiseSimulator.DEFAULT_CLIENT_ID, list.headers().get("clientid"));
        assertEquals(200, list.status());
        assertTrue(log.get(1).body().contains("\"identifier\""));
        assertEquals(201, log.get(1).status());
        assertEquals("/login/companyinfo/acme", log.get(2).path());
        assertEquals(1, simulator.requestLog().count("POST", "/system/members"));
        assertEquals(2, simulator.requestLog().count(null, "/system/"));
        assertFalse(list.toString().contains("Basic"), list.toString());
    }

    @Test
    void anOnRequestListenerChangesDataBetweenPages() {
        ConnectWiseSimulator paged = ConnectWiseSimulator.builder().seedMembers(30).start();
        try {
            ApiSession session = ApiSession.acme(paged);
            long firstOfSecondPage = paged.members("acme").all().get(10).get("id").asLong();
            paged.onRequest(request -> {
                if ("page=1&pageSize=10".equals(request.rawQuery())) {
                    paged.members("acme").update(firstOfSecondPage, member -> member.put("title", "Changed between pages"));
                }
            });

            session.get("/system/members?page=1&pageSize=10");
            String secondPage = session.get("/system/members?page=2&pageSize=10").body();

            assertTrue(secondPage.contains("Changed between pages"));
        } finally {
            paged.close();
        }
    }

    private static Object next() {
        return MemberFixtures.newMember("cfault" + PEOPLE.incrementAndGet());
    }

    @Test
    void faultsArmedThroughTheAdminRouteHitTheApiAndAreListedAndCleared() {
        String admin = simulator.baseUrl() + "/_simulator/faults";

        HttpResponse<String> armed = ApiSession.raw("POST", admin,
                "POST:/system/members=drop-after-processing*1,GET:/system/members/count=429@30s:p1");
        HttpResponse<String> limited = acme.get("/system/members/count");
        HttpResponse<String> listed = ApiSession.raw("GET", admin, null);
        HttpResponse<String> cleared = ApiSession.raw("DELETE", admin, null);

        assertEquals(200, armed.statusCode(), armed.body());
        assertEquals("drop-after-processing on POST /system/members x1\n"
                + "rate-limited on GET /system/members/count p1.0\n", armed.body());
        assertEquals(429, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(armed.body(), listed.body());
        assertEquals(200, cleared.statusCode());
        assertEquals(200, acme.get("/system/members/count").statusCode());
    }

    @Test
    void theAdminRouteRefusesWhatItCannotReadAndAnswers404BesideItsOwnPath() {
        HttpResponse<String> bad = ApiSession.raw("POST", simulator.baseUrl() + "/_simulator/faults", "GET:.*=teapot");
        HttpResponse<String> beside = ApiSession.raw("GET", simulator.baseUrl() + "/_simulator/faultsx", null);
        HttpResponse<String> other = ApiSession.raw("GET", simulator.baseUrl() + "/_simulator/members", null);

        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'teapot' is not a fault kind"), bad.body());
        assertEquals(List.of(), simulator.faults().armed());
        for (HttpResponse<String> missing : List.of(beside, other)) {
            assertEquals(404, missing.statusCode());
            assertEquals("{\"code\":\"ConnectWiseApi\",\"message\":\"The endpoint does not exist.\"}", missing.body());
        }
    }
}