package dev.cwlifecycle.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the sync runs: {@code cw.sync.*} in application.properties or the environment. The function timeout it
 * budgets against is {@code cw.function-timeout}, shared with the stores.
 */
@ConfigMapping(prefix = "cw.sync")
public interface SyncConfig {

    /**
     * How far behind the watermark an incremental run starts looking: covers ConnectWise's one-second
     * {@code lastUpdated} and writes that commit a moment after the {@code Date} the watermark was taken from.
     */
    @WithDefault("PT2M")
    Duration overlap();

    /** How much longer than the function timeout a lease lasts, so a killed run's lease still frees itself. */
    @WithDefault("PT30S")
    Duration leaseGrace();

    /** Time kept free before the function timeout: no page is fetched once less than this remains. */
    @WithDefault("PT30S")
    Duration safetyMargin();
}
