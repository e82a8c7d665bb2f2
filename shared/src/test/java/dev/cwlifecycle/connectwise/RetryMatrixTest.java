package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.model.Reference;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.testing.FixedCredentials;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every method the client sends against every fault the simulator injects once: exactly which requests went out
 * (from the simulator's request log) and what the caller got. GET, PATCH and DELETE are retried after a 429, a
 * 502/503/504 and any dropped connection; a 500 may have done part of the work and is never retried. A POST is
 * retried only after a 429 (throttled before it ran, as {@link RetryPolicy} documents): a dropped connection or a
 * 5xx leaves it unknown whether the member was created, so it is reported, never re-sent.
 */
@QuarkusTest
class RetryMatrixTest {

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site.seedMembers(5));
    private static ConnectWiseSimulator simulator;
    private static ConnectWiseClient client;
    private static Reference technician;

    /** One client call on a member created for the case, and the path it requests. */
    enum Call {
        GET("GET", "/system/members/\\d+"),
        PATCH("PATCH", "/system/members/\\d+"),
        DELETE("DELETE", "/system/members/\\d+"),
        POST("POST", "/system/members");

        final String method;
        final String pathRegex;

        Call(String method, String pathRegex) {
            this.method = method;
            this.pathRegex = pathRegex;
        }

        void run(long memberId) {
            switch (this) {
                case GET -> client.member(memberId);
                case PATCH -> client.patch(memberId, JsonPatch.of().replace("title", "Lead"));
                case DELETE -> client.delete(memberId);
                case POST -> client.create(MemberDrafts.newMember(technician));
            }
        }

        int success() {
            return switch (this) {
                case GET, PATCH -> 200;
                case DELETE -> 204;
                case POST -> 201;
            };
        }
    }

    /** A fault armed for one request, named as the simulator's request log names it. */
    enum Injected {
        RATE_LIMITED_WITH_RETRY_AFTER("rate-limited", 429, target -> target.rateLimited(1)),
        RATE_LIMITED_WITHOUT_RETRY_AFTER("rate-limited", 429, target -> target.rateLimited(null)),
        STATUS_500("status-500", 500, target -> target.status(500)),
        STATUS_502("status-502", 502, target -> target.status(502)),
        STATUS_503("status-503", 503, target -> target.status(503)),
        STATUS_504("status-504", 504, target -> target.status(504)),
        DROP_BEFORE_PROCESSING("drop-before-processing", 0, Fault.Target::dropBeforeProcessing),
        DROP_AFTER_PROCESSING("drop-after-processing", 0, Fault.Target::dropAfterProcessing);

        final String label;
        final int status;
        final Function<Fault.Target, Fault> arm;

        Injected(String label, int status, Function<Fault.Target, Fault> arm) {
            this.label = label;
            this.status = status;
            this.arm = arm;
        }
    }

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        // the retry rules of DELETE are the client's, whether or not a site serves the seed guide's member delete
        simulator.memberDelete(true);
        client = new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                FixedCredentials.forSimulator(simulator.baseUrl()), new MovableClock()).forTenant("default");
        technician = Reference.to(client.securityRole("Technician").orElseThrow().id());
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Call.values()).flatMap(call -> Stream.of(Injected.values()).map(fault -> {
            boolean retried = switch (fault) {
                case RATE_LIMITED_WITH_RETRY_AFTER, RATE_LIMITED_WITHOUT_RETRY_AFTER -> true;
                case STATUS_500 -> false;
                case STATUS_502, STATUS_503, STATUS_504, DROP_BEFORE_PROCESSING, DROP_AFTER_PROCESSING ->
                        call != Call.POST;
            };
            return Arguments.of(call, fault, retried);
        }));
    }

    @ParameterizedTest(name = "{0} after {1}: retried={2}")
    @MethodSource("matrix")
    void sendsExactlyTheRequestsThePolicyAllows(Call call, Injected fault, boolean retried) {
        // GIVEN a member of its own and one fault armed for the call's next request
        long memberId = client.create(MemberDrafts.newMember(technician)).id();
        simulator.faults().arm(fault.arm.apply(Fault.on(call.method, call.pathRegex)));
        simulator.requestLog().clear();
        int membersBefore = simulator.members("acme").size();

        // WHEN the client makes the call
        Throwable outcome = outcomeOf(() -> call.run(memberId));

        // THEN the faulted request, and a second one only when the policy retries it
        List<String> expected = retried
                ? List.of(call.method + " " + fault.status + " " + fault.label,
                call.method + " " + secondStatus(call, fault) + " -")
                : List.of(call.method + " " + fault.status + " " + fault.label);
        assertEquals(expected, sent());
        assertOutcome(call, fault, retried, outcome);
        if (call == Call.POST) {
            boolean created = retried || fault == Injected.DROP_AFTER_PROCESSING;
            assertEquals(membersBefore + (created ? 1 : 0), simulator.members("acme").size(), "members created");
        }
    }

    /** A DELETE that was carried out before its connection dropped finds the member gone when sent again. */
    private static int secondStatus(Call call, Injected fault) {
        return call == Call.DELETE && fault == Injected.DROP_AFTER_PROCESSING ? 404 : call.success();
    }

    private static void assertOutcome(Call call, Injected fault, boolean retried, Throwable outcome) {
        if (retried && secondStatus(call, fault) == 404) {
            assertInstanceOf(NotFoundException.class, outcome);
            assertFalse(((NotFoundException) outcome).routeMissing(), "the member is gone, the route is there");
        } else if (retried) {
            assertNull(outcome, () -> "expected success, got " + outcome);
        } else if (fault.status == 0) {
            ConnectionFailedException unknown = assertInstanceOf(ConnectionFailedException.class, outcome);
            assertFalse(unknown.neverSent(), "the request reached the server: its outcome is unknown");
        } else {
            assertEquals(fault.status, assertInstanceOf(ServerErrorException.class, outcome).status());
        }
    }

    private static Throwable outcomeOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException failure) {
            return failure;
        }
    }

    /** The API requests the simulator saw, as "METHOD status fault". */
    private static List<String> sent() {
        return simulator.requestLog().all().stream()
                .filter(request -> request.path().startsWith("/system/members"))
                .map(RetryMatrixTest::describe)
                .toList();
    }

    private static String describe(RecordedRequest request) {
        return request.method() + " " + request.status() + " " + (request.fault() == null ? "-" : request.fault());
    }
}
