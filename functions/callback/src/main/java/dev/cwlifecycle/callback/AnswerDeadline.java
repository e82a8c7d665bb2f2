package dev.cwlifecycle.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the answer to one callback is due ({@code cw.callback.answer-within} after it arrived): the signing-key fetch
 * and the re-read each wait at most their own timeout and never past this, so together they fit.
 */
record AnswerDeadline(Clock clock, Instant due) {

    static AnswerDeadline after(Clock clock, Duration answerWithin) {
        return new AnswerDeadline(clock, clock.instant().plus(answerWithin));
    }

    /** {@code timeout}, cut to what is left before the answer is due; zero once it is. */
    Duration bound(Duration timeout) {
        Duration left = Duration.between(clock.instant(), due);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
