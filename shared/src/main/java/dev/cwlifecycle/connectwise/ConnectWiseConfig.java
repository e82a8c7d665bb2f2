package dev.cwlifecycle.connectwise;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How we talk to ConnectWise: {@code cw.connectwise.*} in application.properties or the environment. */
@ConfigMapping(prefix = "cw.connectwise")
public interface ConnectWiseConfig {

    /** The API version pinned in {@code Accept}; without one ConnectWise serves whatever is newest. */
    @WithDefault("2025.8")
    String apiVersion();

    /** Ask {@code /login/companyinfo/{companyId}} for the codebase when the secret names none. */
    @WithDefault("true")
    boolean discoverCodebase();

    /** The codebase when the secret names none and discovery is off; it keeps working on cloud sites too. */
    @WithDefault("v4_6_release/")
    String defaultCodebase();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT15S")
    Duration readTimeout();

    /** How long a tenant's security-role name to id map, and its member type ids, are reused. */
    @WithDefault("PT10M")
    Duration roleCacheTtl();

    /**
     * How far a ConnectWise {@code _info.lastUpdated} may run ahead of ConnectWise's clock and ours before it is
     * taken as future-dated ({@link SiteClock}).
     */
    @WithDefault("PT5M")
    Duration clockSkew();

    Retry retry();

    interface Retry {
        /** Attempts per request, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** First backoff; each further one doubles, with full jitter, up to {@link #maxDelay()}. */
        @WithDefault("PT0.2S")
        Duration initialDelay();

        /** Longest single wait, also the longest Retry-After we wait out (a longer one is reported instead). */
        @WithDefault("PT10S")
        Duration maxDelay();

        /**
         * Total time one request may spend, its retries and waits included. A wait (Retry-After or backoff) that
         * would end past it is not started: the failure that asked for it is reported at once.
         */
        @WithDefault("PT20S")
        Duration maxDuration();
    }
}
