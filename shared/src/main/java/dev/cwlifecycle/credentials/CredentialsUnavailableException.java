package dev.cwlifecycle.credentials;

/** Any other failure to read a secret: Secrets Manager unreachable or erring, a local file unreadable. */
public final class CredentialsUnavailableException extends CredentialsException {

    CredentialsUnavailableException(String tenant, String message, Throwable cause) {
        super(tenant, message, cause);
    }
}
