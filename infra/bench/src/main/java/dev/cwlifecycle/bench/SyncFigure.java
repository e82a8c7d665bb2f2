package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.RunSummary;

import java.time.Duration;

/**
 * One measured sync run: {@code members} in ConnectWise answering each request after {@code latency}; the run's
 * wall time, its ConnectWise requests (from its own request counter) and DynamoDB traffic.
 */
public record SyncFigure(int members, Duration latency, RunSummary.Mode mode, Duration wall, long requests,
                         DynamoDbUsage dynamo, boolean complete) {

    /** Pages of 1,000 a keyset scan must fetch: it only sees the end on a short (or empty) page. */
    public long minimumRequests() {
        return mode == RunSummary.Mode.FULL ? members / 1000 + 1 : 1;
    }

    /** The network-bound limit ceil(N/1000) x L: as fast as ConnectWise can hand out the pages. */
    public Duration limit() {
        return latency.multipliedBy((members + 999) / 1000);
    }

    /** Wall time over the limit; infinite at L = 0, where the limit is zero. */
    public double ratioToLimit() {
        return limit().isZero() ? Double.POSITIVE_INFINITY : wall.toNanos() / (double) limit().toNanos();
    }
}
