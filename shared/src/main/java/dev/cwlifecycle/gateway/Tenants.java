package dev.cwlifecycle.gateway;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import dev.cwlifecycle.credentials.TenantId;
import dev.cwlifecycle.gateway.exceptions.TenantForbidden;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The tenant a request acts for, and whether it exists: the one parser and the one unknown-tenant rule of every
 * route. A request names its tenant in the route, the {@code CW-Tenant} header or the {@code tenant} query parameter
 * (callback URLs), else it is {@value #DEFAULT_TENANT}; a caller whose JWT carries the tenant claim acts for that
 * tenant only.
 */
@ApplicationScoped
public class Tenants {

    public static final String HEADER = "CW-Tenant";
    public static final String DEFAULT_TENANT = "default";

    private final CredentialsSource credentials;
    private final GatewayConfig config;

    @Inject
    public Tenants(CredentialsSource credentials, GatewayConfig config) {
        this.credentials = credentials;
        this.config = config;
    }

    /**
     * The tenant the request acts for, unchecked: its JWT's tenant claim, which a named tenant must equal, else the
     * tenant named, else the default.
     */
    public String of(GatewayRequest request) {
        Optional<String> named = request.pathParameter("tenant").or(() -> request.header(HEADER))
                .or(() -> request.queryParameter("tenant"));
        Optional<String> bound = request.jwtClaim(config.tenantClaim());
        if (bound.isPresent() && named.isPresent() && !bound.get().equals(named.get())) {
            throw new TenantForbidden("The caller's token is bound to another tenant (its '" + config.tenantClaim()
                    + "' claim) than the one this request names; it may act for its own tenant only");
        }
        return bound.or(() -> named).orElse(DEFAULT_TENANT);
    }

    /**
     * Refuses an IAM caller the tenant's secret does not list in {@code allowedPrincipals}; a tenant without the
     * list (or unknown: refused later) takes any principal API Gateway let in.
     */
    public void requireAllowed(String tenant, String principal) {
        Optional<ConnectWiseCredentials> site = known(tenant);
        if (site.isPresent() && !site.get().allowedPrincipals().isEmpty()
                && !site.get().allowedPrincipals().contains(principal)) {
            throw new TenantForbidden("The IAM principal " + principal + " is not among the principals allowed to "
                    + "act for this tenant (allowedPrincipals in its secret)");
        }
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
