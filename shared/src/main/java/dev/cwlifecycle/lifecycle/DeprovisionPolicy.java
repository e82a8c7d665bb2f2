package dev.cwlifecycle.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Deprovisioning policy: {@code cw.deprovision.*} (the edge reads its own {@code max-body-bytes} there). */
@ConfigMapping(prefix = "cw.deprovision")
public interface DeprovisionPolicy {

    /**
     * How long a deprovision waits for another one of the same member to finish before it answers 409 with
     * {@code Retry-After}; well below the function timeout.
     */
    @WithDefault("PT10S")
    Duration leaseWait();
}
