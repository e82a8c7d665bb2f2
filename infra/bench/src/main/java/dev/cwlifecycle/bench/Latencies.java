package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations of one kind of call, and their percentiles (nearest rank). */
public final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    public synchronized void add(Duration took) {
        nanos.add(took.toNanos());
    }

    public synchronized int count() {
        return nanos.size();
    }

    /** The {@code percent}-th percentile by nearest rank; zero when nothing was measured. */
    public synchronized Duration percentile(double percent) {
        if (nanos.isEmpty()) {
            return Duration.ZERO;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Duration.ofNanos(sorted.get(Math.max(0, rank - 1)));
    }

    public Duration p50() {
        return percentile(50);
    }

    public Duration p99() {
        return percentile(99);
    }
}
