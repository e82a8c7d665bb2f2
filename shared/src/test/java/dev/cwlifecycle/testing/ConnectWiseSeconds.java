package dev.cwlifecycle.testing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ConnectWise stamps {@code lastUpdated} in whole seconds, and the simulator from the system clock (its HTTP
 * {@code Date} header cannot be moved): a test that needs a change to be newer than the last waits for the next one.
 */
public final class ConnectWiseSeconds {

    private ConnectWiseSeconds() {
    }

    /** Returns once the system clock is in a later second than {@code stamp}. */
    public static void awaitAfter(Instant stamp) {
        Instant next = stamp.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Awaitility.await("the second after " + stamp).atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(10)).until(() -> Instant.now().isAfter(next));
    }

    /** Returns once the system clock has moved into the next second. */
    public static void awaitNext() {
        awaitAfter(Instant.now());
    }
}
