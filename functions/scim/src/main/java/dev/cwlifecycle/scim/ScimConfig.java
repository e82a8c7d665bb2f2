package dev.cwlifecycle.scim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code cw.scim.*}: what an identity provider does not send. */
@ConfigMapping(prefix = "cw.scim")
public interface ScimConfig {

    /**
     * The security role of a user created without the {@code securityRole} extension attribute (Okta and Entra ID
     * send it only when mapped); without it such a create is refused.
     */
    Optional<String> defaultRole();

    @WithDefault("65536")
    int maxBodyBytes();

    /** The most users one list answer holds ({@code count} above it is lowered, as RFC 7644 allows). */
    @WithDefault("200")
    int maxResults();
}
