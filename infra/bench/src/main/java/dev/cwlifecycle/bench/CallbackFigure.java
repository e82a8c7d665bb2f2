package dev.cwlifecycle.bench;

import java.time.Duration;

/**
 * Callback intake through the handler: {@code callbacks} signed member updates (each with its Entity) answered by
 * {@code threads} concurrent callers after {@code warmUps} more; signing-key fetches and ConnectWise API calls over
 * all of them, warm-up included (the key is fetched by the first).
 */
public record CallbackFigure(int callbacks, int warmUps, int threads, Duration wall, Duration p50, Duration p99,
                             int keyFetches, int connectWiseCalls, DynamoDbUsage dynamoPerCallback, int applied) {

    public double perSecond() {
        return callbacks / (wall.toNanos() / 1e9);
    }

    /** Every callback the handler answered, warm-up included. */
    public int handled() {
        return callbacks + warmUps;
    }

    /** One fetch per 1,000 callbacks signed with one key, at most: the first one, then the cache. */
    public boolean keyFetchesWithinTarget() {
        return keyFetches <= Math.max(1, handled() / 1000);
    }
}
