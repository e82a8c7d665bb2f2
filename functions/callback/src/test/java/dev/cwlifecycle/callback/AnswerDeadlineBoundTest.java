package dev.cwlifecycle.callback;

import dev.cwlifecycle.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The answer deadline cuts each wait to what is left, on the injected clock. */
class AnswerDeadlineBoundTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void aTimeoutIsCutToWhatIsLeftAndToZeroOnceTheAnswerIsDue() {
        AnswerDeadline deadline = AnswerDeadline.after(clock, Duration.ofSeconds(5));

        assertEquals(Duration.ofSeconds(4), deadline.bound(Duration.ofSeconds(4)));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(2), deadline.bound(Duration.ofSeconds(4)));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ZERO, deadline.bound(Duration.ofSeconds(4)));
    }
}
