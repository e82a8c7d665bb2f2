package dev.cwlifecycle.credentials;

/**
 * A tenant's credentials could not be had. Messages name the tenant, the secret and the field at fault, never a
 * value read from the secret.
 */
public abstract sealed class CredentialsException extends RuntimeException
        permits SecretNotFoundException, SecretAccessDeniedException, SecretThrottledException,
        MalformedSecretException, CredentialsUnavailableException {

    private final String tenant;

    CredentialsException(String tenant, String message, Throwable cause) {
        super(message, cause);
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
