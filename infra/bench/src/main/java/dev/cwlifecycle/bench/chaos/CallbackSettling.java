package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.bench.CallbackEndpoint;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;

import java.time.Duration;

/**
 * Waits until released callbacks have all been delivered and answered, retries included: nothing in flight at the
 * endpoint and no new delivery for a while longer than the simulator's retry delays.
 */
final class CallbackSettling {

    static final Duration FIRST_RETRY = Duration.ofMillis(30);
    static final Duration SECOND_RETRY = Duration.ofMillis(60);
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ConnectWiseSimulator simulator;
    private final CallbackEndpoint endpoint;

    CallbackSettling(ConnectWiseSimulator simulator, CallbackEndpoint endpoint) {
        this.simulator = simulator;
        this.endpoint = endpoint;
    }

    void await() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int delivered = simulator.callbacks().deliveries().size();
            if (delivered != seen || endpoint.inFlight() > 0) {
                seen = delivered;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while callbacks were delivered", e);
            }
        }
        throw new IllegalStateException("Callback deliveries did not settle within " + LIMIT.toSeconds() + " s");
    }
}
