package dev.cwlifecycle.bench;

/**
 * DynamoDB requests, the read and write capacity units they consumed (what on-demand billing charges), the time
 * callers spent waiting for them (summed, so overlapping requests add up) and the wall time during which at least
 * one was in flight. Doubles, so that a per-operation average keeps its fraction.
 */
public record DynamoDbUsage(double requests, double readUnits, double writeUnits, double millis, double busyMillis) {

    public DynamoDbUsage minus(DynamoDbUsage earlier) {
        return new DynamoDbUsage(requests - earlier.requests, readUnits - earlier.readUnits,
                writeUnits - earlier.writeUnits, millis - earlier.millis, busyMillis - earlier.busyMillis);
    }

    /** This usage spread evenly over {@code operations}. */
    public DynamoDbUsage per(long operations) {
        double n = Math.max(1, operations);
        return new DynamoDbUsage(requests / n, readUnits / n, writeUnits / n, millis / n, busyMillis / n);
    }
}
