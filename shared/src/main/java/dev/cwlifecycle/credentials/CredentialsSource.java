package dev.cwlifecycle.credentials;

/** Where a tenant's ConnectWise credentials come from. */
public interface CredentialsSource {

    /** The tenant's credentials, from cache when fresh. */
    ConnectWiseCredentials credentials(String tenant);

    /** Re-reads the tenant's credentials past any cache, e.g. after ConnectWise answered 401 (key rotation). */
    ConnectWiseCredentials refresh(String tenant);
}
