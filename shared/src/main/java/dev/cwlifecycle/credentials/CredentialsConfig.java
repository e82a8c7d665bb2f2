package dev.cwlifecycle.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where tenant credentials come from: {@code cw.credentials.*} in application.properties or the environment. */
@ConfigMapping(prefix = "cw.credentials")
public interface CredentialsConfig {

    enum Source {
        /** A Secrets Manager secret per tenant, named by {@link #secretNamePattern()}. */
        SECRETS_MANAGER,
        /** An environment variable or a file holding the same JSON, for runs outside AWS. */
        LOCAL
    }

    /** {@code secrets-manager} or {@code local}. */
    @WithDefault("secrets-manager")
    Source source();

    /** The secret's name; {@code {tenant}} stands for the tenant id. */
    @WithDefault("cw-lifecycle/{tenant}")
    String secretNamePattern();

    /** How long a secret read is reused before Secrets Manager is asked again. */
    @WithDefault("PT5M")
    Duration cacheTtl();

    /**
     * Local source: a file holding the JSON. With {@code {tenant}} in the path each tenant has its own file;
     * without, the file serves the {@code default} tenant only.
     */
    Optional<String> localFile();

    /**
     * Local source: the environment variable holding the JSON for the {@code default} tenant; another tenant's is
     * this name, {@code _}, and the tenant id upper-cased with {@code -} as {@code _} ({@code CW_CREDENTIALS_ACME}).
     */
    @WithDefault("CW_CREDENTIALS")
    String localEnv();
}
