package dev.cwlifecycle.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;

/**
 * Secrets Manager clients for tests, built as the Quarkiverse extension builds them (URL connection client,
 * endpoint override) but by hand, and without SDK retries so every call a test makes reaches the server once.
 */
public final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    /** Signed with dummy keys, which both the in-process endpoint and moto (without IAM checks) accept. */
    public static SecretsManagerClient at(URI endpoint) {
        return at(endpoint, "test-access-key", "test-secret-key");
    }

    public static SecretsManagerClient at(URI endpoint, String accessKeyId, String secretAccessKey) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> config.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
