package dev.cwlifecycle.gateway;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import dev.cwlifecycle.credentials.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The tenant a request names, and whether it exists: the one parser and the one unknown-tenant rule of every route.
 * A request names its tenant in the route, the {@code CW-Tenant} header or the {@code tenant} query parameter
 * (callback URLs), else it is {@value #DEFAULT_TENANT}.
 */
@ApplicationScoped
public class Tenants {

    public static final String HEADER = "CW-Tenant";
    public static final String DEFAULT_TENANT = "default";

    private final CredentialsSource credentials;

    @Inject
    public Tenants(CredentialsSource credentials) {
        this.credentials = credentials;
    }

    /** The tenant as the request names it, unchecked. */
    public static Optional<String> named(GatewayRequest request) {
        return request.pathParameter("tenant").or(() -> request.header(HEADER))
                .or(() -> request.queryParameter("tenant"));
    }

    /** Checked only once the caller is identified: a malformed tenant is not the first thing a stranger learns. */
    public static void requireValid(String tenant) {
        if (!TenantId.valid(tenant)) {
            throw ProblemException.badRequest("tenant", "The tenant (route, " + HEADER + " header or 'tenant' query "
                    + "parameter) must be 1 to 64 letters, digits, '-' or '_'");
        }
    }

    /** The tenant's site and credentials, or empty for a tenant that is malformed or has no secret. */
    public Optional<ConnectWiseCredentials> known(String tenant) {
        if (!TenantId.valid(tenant)) {
            return Optional.empty();
        }
        try {
            return Optional.of(credentials.credentials(tenant));
        } catch (SecretNotFoundException unknownTenant) {
            return Optional.empty();
        }
    }
}
