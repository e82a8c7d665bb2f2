package dev.cwlifecycle.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward at a chosen moment, e.g. past a run's deadline between two pages. */
final class SteppedClock extends Clock {

    private final AtomicReference<Instant> now;

    SteppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void jump(Duration step) {
        now.updateAndGet(current -> current.plus(step));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A test clock stays in UTC");
    }
}
