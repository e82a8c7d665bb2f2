package dev.cwlifecycle.scim;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.gateway.Authentication;
import dev.cwlifecycle.gateway.BearerToken;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.Tenants;
import dev.cwlifecycle.gateway.exceptions.ScimTokenRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * SCIM's callers, the identity providers' provisioning engines: they cannot sign requests nor send custom headers,
 * so the tenant is in the URL and the caller proves itself with a bearer token whose SHA-256 the tenant's secret
 * lists in {@code scimTokenSha256}, separate from the ticketing API's token. An unknown tenant and a wrong token
 * are the same refusal.
 */
@ApplicationScoped
public class ScimAuthentication implements Authentication<Void> {

    private final Tenants tenants;

    @Inject
    public ScimAuthentication(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Void identify(GatewayRequest request, String tenant) {
        List<String> hashes = tenants.known(tenant).map(ConnectWiseCredentials::scimTokenSha256).orElse(List.of());
        if (!BearerToken.matchesAny(request.header("Authorization"), hashes)) {
            throw new ScimTokenRefused();
        }
        return null;
    }
}
