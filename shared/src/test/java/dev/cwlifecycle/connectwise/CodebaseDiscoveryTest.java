package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.error.UnexpectedResponseException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /login/companyinfo/{companyId}} is asked under the API's retry policy, and its answer is cached. */
@QuarkusTest
class CodebaseDiscoveryTest {

    private static final String COMPANY_INFO = "/login/companyinfo/acme";
    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site.seedMembers(3));
    private static ConnectWiseSimulator simulator;
    private static long memberId;

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        memberId = simulator.members("acme").all().get(0).get("id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"429 with Retry-After", "429", "502", "503", "504", "drop-before-processing",
            "drop-after-processing"})
    void aTransientDiscoveryFailureIsRetriedAndTheCodebaseUsed(String fault) {
        // GIVEN companyinfo fails once, transiently
        simulator.faults().arm(transientFailure(fault));

        // WHEN a fresh client makes its first request
        freshClient().member(memberId);

        // THEN companyinfo was asked twice, then the API on the discovered codebase, once
        List<RecordedRequest> sent = simulator.requestLog().all();
        assertEquals(List.of("GET " + COMPANY_INFO, "GET " + COMPANY_INFO, "GET /system/members/" + memberId),
                sent.stream().map(request -> request.method() + " " + request.path()).toList());
        assertEquals(200, sent.get(1).status());
        assertTrue(sent.get(0).fault() != null, "the first companyinfo request is the faulted one");
    }

    @Test
    void aServerErrorIsNotRetriedAndReportsNoApiRequest() {
        simulator.faults().arm(Fault.on("GET", COMPANY_INFO).status(500));

        ServerErrorException failed = assertThrows(ServerErrorException.class, () -> freshClient().member(memberId));

        assertEquals(500, failed.status());
        assertEquals(List.of(COMPANY_INFO), paths());
    }

    @Test
    void anUnknownCompanyIsReportedAfterOneRequest() {
        ConnectWiseCredentials stranger = new ConnectWiseCredentials(simulator.baseUrl(), "nosuchco", "pub-acme",
                "priv-acme", ConnectWiseSimulator.DEFAULT_CLIENT_ID, null, null);
        ConnectWiseClient client = new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                new FixedCredentials(stranger), new MovableClock()).forTenant("default");

        ConnectWiseException failed = assertThrows(UnexpectedResponseException.class, () -> client.member(memberId));

        assertEquals("UnknownCompany", failed.code());
        assertEquals(List.of("/login/companyinfo/nosuchco"), paths());
    }

    @Test
    void retriesStopWhenTheAttemptsAreSpent() {
        simulator.faults().arm(Fault.on("GET", COMPANY_INFO).status(503).times(10));

        assertThrows(ServerErrorException.class, () -> freshClient().member(memberId));

        assertEquals(List.of(COMPANY_INFO, COMPANY_INFO, COMPANY_INFO, COMPANY_INFO, COMPANY_INFO), paths());
    }

    private static Fault transientFailure(String fault) {
        Fault.Target target = Fault.on("GET", COMPANY_INFO);
        return switch (fault) {
            case "429 with Retry-After" -> target.rateLimited(0);
            case "429" -> target.rateLimited(null);
            case "drop-before-processing" -> target.dropBeforeProcessing();
            case "drop-after-processing" -> target.dropAfterProcessing();
            default -> target.status(Integer.parseInt(fault));
        };
    }

    private static ConnectWiseClient freshClient() {
        return new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                FixedCredentials.forSimulator(simulator.baseUrl()), new MovableClock()).forTenant("default");
    }

    private static List<String> paths() {
        return simulator.requestLog().all().stream().map(RecordedRequest::path).toList();
    }
}
