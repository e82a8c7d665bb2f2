package dev.cwlifecycle.credentials;

/** Secrets Manager refused the read for its request rate, after the SDK's own retries. */
public final class SecretThrottledException extends CredentialsException {

    SecretThrottledException(String tenant, String message, Throwable cause) {
        super(tenant, message, cause);
    }
}
