package dev.cwlifecycle.gateway;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The API routes' callers: API Gateway's authorizer (IAM or JWT) where one is configured, otherwise the bearer token
 * whose SHA-256 the tenant's secret holds. Each is bound to its tenants: a bearer token by the tenant's secret, a JWT
 * by its tenant claim ({@link Tenants#of}), an IAM principal by the tenant's {@code allowedPrincipals}.
 */
@ApplicationScoped
public class CallerAuthentication implements Authentication<Void> {

    private final Tenants tenants;

    @Inject
    public CallerAuthentication(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Void identify(GatewayRequest request, String tenant) {
        if (request.authorizedByGateway()) {
            request.iamPrincipal().ifPresent(principal -> tenants.requireAllowed(tenant, principal));
            return null;
        }
        String expected = tenants.known(tenant).map(ConnectWiseCredentials::apiTokenSha256).orElse(null);
        if (!BearerToken.matches(request.header("Authorization"), expected)) {
            throw new ProblemException(Problem.of("unauthenticated", "Unauthenticated", 401,
                    "Send 'Authorization: Bearer <token>' with the token whose SHA-256 is the tenant secret's "
                            + "apiTokenSha256, or call through the API Gateway authorizer"));
        }
        return null;
    }
}
