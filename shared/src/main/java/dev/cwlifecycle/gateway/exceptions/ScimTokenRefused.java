package dev.cwlifecycle.gateway.exceptions;

/** A SCIM request without a bearer token whose SHA-256 the tenant's secret lists in {@code scimTokenSha256}. */
public class ScimTokenRefused extends RuntimeException {

    public ScimTokenRefused() {
        super("Send 'Authorization: Bearer <token>' with the SCIM token whose SHA-256 the tenant's secret lists in "
                + "scimTokenSha256");
    }
}
