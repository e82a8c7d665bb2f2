package dev.cwlifecycle.credentials;

/** No secret (or local credentials) exists for the tenant. */
public final class SecretNotFoundException extends CredentialsException {

    SecretNotFoundException(String tenant, String message, Throwable cause) {
        super(tenant, message, cause);
    }
}
