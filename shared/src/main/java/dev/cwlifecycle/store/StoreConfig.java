package dev.cwlifecycle.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where and how state is kept in DynamoDB: {@code cw.store.*} in application.properties or the environment. */
@ConfigMapping(prefix = "cw.store")
public interface StoreConfig {

    @WithDefault("cw-lifecycle-idempotency")
    String idempotencyTable();

    @WithDefault("cw-lifecycle-sync-state")
    String syncStateTable();

    @WithDefault("cw-lifecycle-directory")
    String directoryTable();

    /** How long a completed request is replayed; DynamoDB's TTL removes the record some time after. */
    @WithDefault("PT24H")
    Duration idempotencyTtl();

    /**
     * The function's configured timeout: an IN_PROGRESS record older than this belongs to an invocation
     * Lambda has already killed, so another attempt may take it over.
     */
    @WithDefault("${cw.function-timeout:PT30S}")
    Duration functionTimeout();

    /**
     * Attempts per DynamoDB call, the first included, under the AWS SDK's standard retry strategy (the only
     * retries of DynamoDB calls): a response that cannot be stored after these is released, not retried by hand.
     */
    @WithDefault("3")
    int maxAttempts();

    /** Conditional puts of one page of members in flight at once. */
    @WithDefault("16")
    int directoryWriteParallelism();

    /** Items per Query page when the directory is streamed for a full reconciliation. */
    @WithDefault("1000")
    int directoryPageSize();
}
