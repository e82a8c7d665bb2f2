package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.RunSummary;

import java.time.Duration;

/**
 * One measured sync run: {@code members} in ConnectWise answering each request after {@code latency}; the run's
 * wall time, its ConnectWise requests (from its own request counter) and DynamoDB traffic. {@code writeLimit}: for a
 * first fill, the time DynamoDB Local took to take the same N members' writes alone (zero where not measured).
 */
public record SyncFigure(int members, Duration latency, RunSummary.Mode mode, Duration wall, long requests,
                         DynamoDbUsage dynamo, boolean complete, Duration writeLimit) {

    public SyncFigure(int members, Duration latency, RunSummary.Mode mode, Duration wall, long requests,
                      DynamoDbUsage dynamo, boolean complete) {
        this(members, latency, mode, wall, requests, dynamo, complete, Duration.ZERO);
    }

    SyncFigure withWriteLimit(Duration writes) {
        return new SyncFigure(members, latency, mode, wall, requests, dynamo, complete, writes);
    }

    /** Pages of 1,000 a keyset scan must fetch: it only sees the end on a short (or empty) page. */
    public long minimumRequests() {
        return mode == RunSummary.Mode.FULL ? members / 1000 + 1 : 1;
    }

    /** The network-bound limit ceil(N/1000) x L: as fast as ConnectWise can hand out the pages. */
    public Duration networkLimit() {
        return latency.multipliedBy((members + 999) / 1000);
    }

    /** The slower of the two limits a run cannot beat: ConnectWise's pages, or the engine's writes. */
    public Duration limit() {
        Duration network = networkLimit();
        return network.compareTo(writeLimit) >= 0 ? network : writeLimit;
    }

    /** Wall time over the limit; infinite where neither limit was measured (zero). */
    public double ratioToLimit() {
        return limit().isZero() ? Double.POSITIVE_INFINITY : wall.toNanos() / (double) limit().toNanos();
    }
}
