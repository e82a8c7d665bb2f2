package dev.cwlifecycle.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Provisioning policy: {@code cw.provision.*} (the edge reads its own {@code max-body-bytes} there). */
@ConfigMapping(prefix = "cw.provision")
public interface ProvisionPolicy {

    /** Licence class when the request names none; F takes a paid seat. */
    @WithDefault("F")
    String defaultLicenseClass();

    /**
     * How an identifier is made from the names when none is given: {@code {f}} first initial, {@code {first}},
     * {@code {l}} last initial, {@code {last}}; ASCII-folded, lower case, at most 15 characters.
     */
    @WithDefault("{f}{last}")
    String identifierPattern();

    /** Reactivate an inactive member with the same office email (keeping its history) instead of refusing. */
    @WithDefault("true")
    boolean reactivateInactive();
}
