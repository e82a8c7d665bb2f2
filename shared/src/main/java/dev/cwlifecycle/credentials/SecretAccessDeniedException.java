package dev.cwlifecycle.credentials;

/** The function's role (or the local user) may not read the tenant's secret, or may not decrypt it. */
public final class SecretAccessDeniedException extends CredentialsException {

    SecretAccessDeniedException(String tenant, String message, Throwable cause) {
        super(tenant, message, cause);
    }
}
