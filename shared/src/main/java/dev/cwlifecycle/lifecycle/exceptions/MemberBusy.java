package dev.cwlifecycle.lifecycle.exceptions;

import java.time.Duration;

/** Another change of the same member kept running past the wait: the caller may retry after {@code retryAfter}. */
public class MemberBusy extends RuntimeException {

    private final Duration retryAfter;

    public MemberBusy(Duration retryAfter) {
        super("Another change of this member (a move or a deprovision) is still running; retry after "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
