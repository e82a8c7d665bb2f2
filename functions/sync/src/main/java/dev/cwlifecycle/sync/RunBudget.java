package dev.cwlifecycle.sync;

import java.time.Clock;
import java.time.Instant;

/** The time one run may spend fetching pages: the function timeout less the safety margin. */
public record RunBudget(Clock clock, Instant deadline) {

    public boolean spent() {
        return !clock.instant().isBefore(deadline);
    }
}
