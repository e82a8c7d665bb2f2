package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.Faults;

import java.time.Duration;
import java.util.List;

/**
 * The faults a chaos run injects on ConnectWise's member and security-role routes, about one request in five: 429
 * with and without {@code Retry-After}, 500 and 503, slow answers (one kind slower than the client's read timeout),
 * and connections dropped before and after the request was processed. The simulator draws them from its seeded
 * random, one draw per armed fault per request.
 */
final class FaultMix {

    /** Member and security-role routes; codebase discovery and the callback signing key are left alone. */
    static final String ROUTES = "/system/(members|securityroles).*";
    /** The client's read timeout during a chaos run: the slow-answer fault beyond it makes requests time out. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private static final List<Fault> MIX = List.of(
            Fault.on(null, ROUTES).rateLimited(1).probability(0.03),
            Fault.on(null, ROUTES).rateLimited(null).probability(0.03),
            Fault.on(null, ROUTES).status(503).probability(0.03),
            Fault.on(null, ROUTES).status(500).probability(0.02),
            Fault.on(null, ROUTES).latency(Duration.ofMillis(300)).probability(0.03),
            Fault.on(null, ROUTES).latency(READ_TIMEOUT.plusMillis(500)).probability(0.01),
            Fault.on(null, ROUTES).dropBeforeProcessing().probability(0.03),
            Fault.on(null, ROUTES).dropAfterProcessing().probability(0.03));

    private FaultMix() {
    }

    static void arm(Faults faults) {
        MIX.forEach(faults::arm);
    }
}
