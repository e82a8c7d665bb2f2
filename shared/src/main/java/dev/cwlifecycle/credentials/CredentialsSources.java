package dev.cwlifecycle.credentials;

import dev.cwlifecycle.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;

/** Picks the {@link CredentialsSource} that {@code cw.credentials.source} names, so functions just inject one. */
@ApplicationScoped
public class CredentialsSources {

    /** The Secrets Manager client is only built when used: a local run needs no AWS region or credentials. */
    @Produces
    @ApplicationScoped
    CredentialsSource credentialsSource(CredentialsConfig config, Instance<SecretsManagerClient> secretsManager,
                                        Metrics metrics, Clock clock) {
        return switch (config.source()) {
            case SECRETS_MANAGER -> new SecretsManagerCredentialsSource(secretsManager.get(),
                    config.secretNamePattern(), config.cacheTtl(), clock, metrics::secretRead);
            case LOCAL -> new LocalCredentialsSource(config.localFile(), config.localEnv(), System.getenv());
        };
    }
}
