package dev.cwlifecycle.credentials;

import dev.cwlifecycle.testing.SecretsManagerClients;
import dev.cwlifecycle.testing.SecretsManagerEndpoint;
import dev.cwlifecycle.testing.SecretsManagerMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.cwlifecycle.credentials.TenantSecret.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the in-process {@link SecretsManagerEndpoint} to moto: the calls the credentials source makes (found, not
 * found, access denied, and the rotation tests seed with) must get answers our source reads alike. Needs moto
 * ({@code MOTO_ENDPOINT}); skipped without it, except in CI where it fails.
 */
class SecretsManagerContractTest {

    private static final String READ_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}""";

    private static SecretsManagerEndpoint endpoint;
    private static SecretsManagerClient toEndpoint;
    private SecretsManagerMoto moto;
    private SecretsManagerClient toMoto;

    private final String tenant = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretName = "cw-lifecycle/" + tenant;

    @BeforeAll
    static void startEndpoint() {
        endpoint = SecretsManagerEndpoint.start();
        toEndpoint = SecretsManagerClients.at(endpoint.uri());
    }

    @AfterAll
    static void stopEndpoint() {
        toEndpoint.close();
        endpoint.close();
    }

    /** Per test, so that each test reports the skip and its reason. */
    @BeforeEach
    void connectToMoto() {
        moto = SecretsManagerMoto.fromEnvironment();
        toMoto = SecretsManagerClients.at(moto.uri());
    }

    @AfterEach
    void disconnect() {
        if (toMoto != null) {
            toMoto.close();
        }
    }

    @Test
    void foundSecretIsAnsweredWithTheSameFieldsAndReadsAsTheSameCredentials() {
        // GIVEN the same secret in both
        seedBoth(valid().with("codebase", "v2025_1/").json());

        // WHEN GetSecretValue asks for it
        GetSecretValueResponse ours = toEndpoint.getSecretValue(request -> request.secretId(secretName));
        GetSecretValueResponse theirs = toMoto.getSecretValue(request -> request.secretId(secretName));

        // THEN both answer the same fields, shaped alike
        assertEquals(presentFields(theirs), presentFields(ours));
        for (GetSecretValueResponse answer : List.of(ours, theirs)) {
            assertEquals(secretName, answer.name());
            assertTrue(Pattern.matches("arn:aws:secretsmanager:us-east-1:" + SecretsManagerEndpoint.ACCOUNT
                    + ":secret:" + Pattern.quote(secretName) + "-\\w{6}", answer.arn()), answer.arn());
            assertEquals(List.of("AWSCURRENT"), answer.versionStages());
            assertNotNull(answer.createdDate());
            assertNotNull(answer.versionId());
        }
        assertEquals(theirs.secretString(), ours.secretString());

        // AND our source reads the same credentials from both
        assertEquals(source(toMoto).credentials(tenant), source(toEndpoint).credentials(tenant));
        assertEquals(TenantSecret.expected("v2025_1/"), source(toEndpoint).credentials(tenant));
    }

    @Test
    void missingSecretIsTheSameErrorAndNotFoundForOurSource() {
        ResourceNotFoundException ours = assertThrows(ResourceNotFoundException.class,
                () -> toEndpoint.getSecretValue(request -> request.secretId(secretName)));
        ResourceNotFoundException theirs = assertThrows(ResourceNotFoundException.class,
                () -> toMoto.getSecretValue(request -> request.secretId(secretName)));

        // The status differs (AWS and the endpoint 400, moto 404); our mapping reads the error code only.
        assertEquals(theirs.awsErrorDetails().errorCode(), ours.awsErrorDetails().errorCode());
        assertEquals(theirs.awsErrorDetails().errorMessage(), ours.awsErrorDetails().errorMessage());
        assertThrows(SecretNotFoundException.class, () -> source(toEndpoint).credentials(tenant));
        assertThrows(SecretNotFoundException.class, () -> source(toMoto).credentials(tenant));
    }

    @Test
    void readWithoutPermissionIsAccessDeniedOnBoth() {
        // GIVEN the secret in both; on moto a user allowed to read it and one with no policy, with IAM enforced
        seedBoth(valid().json());
        endpoint.denyAccess(secretName);
        SecretsManagerMoto.AccessKey reader = moto.user("reader-" + tenant, READ_POLICY);
        SecretsManagerMoto.AccessKey outsider = moto.user("outsider-" + tenant, null);

        SecretAccessDeniedException onMoto;
        moto.enforceIam();
        try (SecretsManagerClient asReader = SecretsManagerClients.at(moto.uri(), reader.accessKeyId(),
                reader.secretAccessKey());
             SecretsManagerClient asOutsider = SecretsManagerClients.at(moto.uri(), outsider.accessKeyId(),
                     outsider.secretAccessKey())) {
            // the reader proves moto accepts our SDK's signature, so the outsider's refusal is the policy's
            assertEquals(TenantSecret.expected(null), source(asReader).credentials(tenant));
            onMoto = assertThrows(SecretAccessDeniedException.class, () -> source(asOutsider).credentials(tenant));
        } finally {
            moto.relaxIam();
        }
        SecretAccessDeniedException onEndpoint =
                assertThrows(SecretAccessDeniedException.class, () -> source(toEndpoint).credentials(tenant));

        for (SecretAccessDeniedException denied : List.of(onMoto, onEndpoint)) {
            String answer = ((AwsServiceException) denied.getCause()).awsErrorDetails().rawResponse().asUtf8String();
            assertTrue(answer.contains("is not authorized to perform: secretsmanager:GetSecretValue"), answer);
        }
    }

    @Test
    void rotationThroughPutSecretValueIsReadAlike() {
        seedBoth(valid().json());
        String rotated = valid().with("privateKey", "rotatedKey8Hw2").json();

        for (SecretsManagerClient client : List.of(toEndpoint, toMoto)) {
            SecretsManagerCredentialsSource source = source(client);
            source.credentials(tenant);
            String versionId = client.putSecretValue(request -> request.secretId(secretName).secretString(rotated))
                    .versionId();

            assertEquals("rotatedKey8Hw2", source.refresh(tenant).privateKey());
            assertEquals(versionId, client.getSecretValue(request -> request.secretId(secretName)).versionId());
        }
    }

    private void seedBoth(String json) {
        toEndpoint.createSecret(request -> request.name(secretName).secretString(json));
        toMoto.createSecret(request -> request.name(secretName).secretString(json));
    }

    private static SecretsManagerCredentialsSource source(SecretsManagerClient client) {
        return new SecretsManagerCredentialsSource(client, "cw-lifecycle/{tenant}", Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    private static Set<String> presentFields(SdkPojo answer) {
        return answer.sdkFields().stream()
                .filter(field -> {
                    Object value = field.getValueOrDefault(answer);
                    return value != null && !(value instanceof SdkAutoConstructList);
                })
                .map(SdkField::memberName)
                .collect(Collectors.toSet());
    }
}
