package dev.cwlifecycle.credentials;

import dev.cwlifecycle.cache.TtlCache;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DecryptionFailureException;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Each tenant's credentials from its own Secrets Manager secret (JSON in {@code SecretString}), read at most once
 * per TTL while they serve, and re-read on {@link #refresh(String)}.
 */
public final class SecretsManagerCredentialsSource implements CredentialsSource {

    private static final Logger LOG = Logger.getLogger(SecretsManagerCredentialsSource.class);
    // AWS answers 400 AccessDeniedException; IAM-enforcing emulators answer 403 AccessDenied.
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDeniedException", "AccessDenied");

    private final SecretsManagerClient client;
    private final String secretNamePattern;
    private final TtlCache<String, ConnectWiseCredentials> cache;
    private final Consumer<String> reads;

    /**
     * @param secretNamePattern the secret's name, {@code {tenant}} standing for the tenant id
     * @param clock             drives the TTL
     */
    public SecretsManagerCredentialsSource(SecretsManagerClient client, String secretNamePattern, Duration cacheTtl,
                                           Clock clock) {
        this(client, secretNamePattern, cacheTtl, clock, tenant -> {
        });
    }

    /** @param reads told the tenant of every GetSecretValue sent (the secret-read metric) */
    public SecretsManagerCredentialsSource(SecretsManagerClient client, String secretNamePattern, Duration cacheTtl,
                                           Clock clock, Consumer<String> reads) {
        this.client = client;
        this.secretNamePattern = secretNamePattern;
        this.cache = new TtlCache<>(cacheTtl, clock);
        this.reads = reads;
    }

    @Override
    public ConnectWiseCredentials credentials(String tenant) {
        return cache.get(TenantId.checked(tenant), this::read);
    }

    @Override
    public ConnectWiseCredentials refresh(String tenant) {
        return cache.reload(TenantId.checked(tenant), this::read);
    }

    /** The tenant's secret name under the configured pattern. */
    public String secretName(String tenant) {
        return secretNamePattern.replace("{tenant}", TenantId.checked(tenant));
    }

    private ConnectWiseCredentials read(String tenant) {
        String name = secretName(tenant);
        try {
            ConnectWiseCredentials credentials = parse(tenant, name, fetch(tenant, name));
            LOG.debugf("Read credentials for tenant %s from secret %s", tenant, name);
            return credentials;
        } catch (CredentialsException e) {
            LOG.warnf("Credentials for tenant %s unavailable: %s", tenant, e.getMessage());
            throw e;
        }
    }

    private GetSecretValueResponse fetch(String tenant, String name) {
        reads.accept(tenant);
        try {
            return client.getSecretValue(request -> request.secretId(name));
        } catch (SdkException e) {
            throw failure(tenant, name, e);
        }
    }

    private static ConnectWiseCredentials parse(String tenant, String name, GetSecretValueResponse response) {
        String origin = "secret " + name + " (version " + response.versionId() + ")";
        if (response.secretString() == null) {
            throw new MalformedSecretException(tenant, origin, "secret",
                    "holds binary data; store the JSON as the secret string");
        }
        return SecretParser.parse(tenant, origin, response.secretString());
    }

    private static CredentialsException failure(String tenant, String name, SdkException e) {
        String secret = "secret " + name + " for tenant '" + tenant + "'";
        if (e instanceof ResourceNotFoundException) {
            return new SecretNotFoundException(tenant, "Secrets Manager has no " + secret, e);
        }
        if (!(e instanceof AwsServiceException service)) {
            return new CredentialsUnavailableException(tenant, "Could not read " + secret + " from Secrets Manager: "
                    + e.getClass().getSimpleName(), e);
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String answer = " (" + code + ", HTTP " + service.statusCode() + ", request " + service.requestId() + ")";
        if (service.isThrottlingException()) {
            return new SecretThrottledException(tenant, "Secrets Manager throttled reading " + secret + answer, e);
        }
        if (e instanceof DecryptionFailureException) {
            return new SecretAccessDeniedException(tenant, "Secrets Manager could not decrypt " + secret
                    + "; check the KMS key policy" + answer, e);
        }
        if ((code != null && ACCESS_DENIED.contains(code)) || service.statusCode() == 403) {
            return new SecretAccessDeniedException(tenant, "Access denied to " + secret + answer, e);
        }
        return new CredentialsUnavailableException(tenant, "Secrets Manager failed reading " + secret + answer, e);
    }
}
