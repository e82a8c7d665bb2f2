package dev.cwlifecycle.bench;

import java.time.Duration;

/**
 * One kind of operation measured through its handler: how many ran, the ConnectWise requests and DynamoDB traffic
 * per operation, and the latency percentiles at ConnectWise latency {@code latency}.
 */
public record OperationFigure(String operation, Duration latency, int operations, double connectWisePerOperation,
                              DynamoDbUsage dynamoPerOperation, Duration p50, Duration p99) {

    /** The latency target: p50 within the ConnectWise round trips it needs plus 25 ms of our own. */
    public Duration p50Target(int targetCalls) {
        return latency.multipliedBy(targetCalls).plusMillis(25);
    }
}
