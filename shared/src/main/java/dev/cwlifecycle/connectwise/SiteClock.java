package dev.cwlifecycle.connectwise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ConnectWise's clock as last seen (the {@code Date} of its latest answer), running on with ours since. A stamp
 * further than the allowed skew ahead of both this and our own clock cannot be a real change: it is future-dated.
 */
public final class SiteClock {

    private final Clock clock;
    private final Duration skew;
    private final AtomicReference<Sighting> last = new AtomicReference<>();

    SiteClock(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    void saw(Instant serverDate) {
        last.set(new Sighting(serverDate, clock.instant()));
    }

    /** How far the two clocks and a stamp may disagree. */
    public Duration skew() {
        return skew;
    }

    /** True when {@code stamp} is more than the skew ahead of ConnectWise's clock and of ours. */
    public boolean isFutureDated(Instant stamp) {
        Instant ours = clock.instant();
        Sighting seen = last.get();
        Instant site = seen == null ? ours : seen.serverDate().plus(Duration.between(seen.seenAt(), ours));
        Instant latest = site.isAfter(ours) ? site : ours;
        return stamp.isAfter(latest.plus(skew));
    }

    private record Sighting(Instant serverDate, Instant seenAt) {
    }
}
