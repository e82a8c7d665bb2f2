package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import dev.cwlifecycle.credentials.TenantId;
import dev.cwlifecycle.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

/**
 * What every caller-facing function does around its own work: take the correlation id into the logs, pick the
 * tenant, authenticate the caller before anything else, turn any failure into a problem response, and emit the
 * invocation's metrics with the answer's outcome.
 */
@ApplicationScoped
public class ApiEdge {

    public static final String TENANT_HEADER = "CW-Tenant";
    public static final String DEFAULT_TENANT = "default";

    private final CredentialsSource credentials;
    private final Metrics metrics;

    @Inject
    public ApiEdge(CredentialsSource credentials, Metrics metrics) {
        this.credentials = credentials;
        this.metrics = metrics;
    }

    /** The function's own work, for an authenticated caller of a known tenant. */
    @FunctionalInterface
    public interface Endpoint {
        APIGatewayV2HTTPResponse handle(GatewayRequest request, String tenant);
    }

    /** @param function the function's name, the {@code function} dimension of its metrics */
    public APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event, Endpoint endpoint) {
        GatewayRequest request = new GatewayRequest(event);
        MDC.put("correlationId", request.correlationId());
        String authenticated = null;
        APIGatewayV2HTTPResponse response;
        try {
            String tenant = tenantOf(request);
            authenticate(request, tenant);
            requireValid(tenant);
            authenticated = tenant;
            response = endpoint.handle(request, tenant);
        } catch (RuntimeException failure) {
            response = Problems.respond(failure, request.correlationId());
        } finally {
            MDC.remove("correlationId");
        }
        response.getHeaders().put("X-Correlation-Id", request.correlationId());
        metrics.answered(function, authenticated, response);
        metrics.emit(function);
        return response;
    }

    /** The tenant as the caller named it (route, else header, else the default); checked only after auth. */
    private static String tenantOf(GatewayRequest request) {
        return request.pathParameter("tenant").or(() -> request.header(TENANT_HEADER)).orElse(DEFAULT_TENANT);
    }

    /** Reached by authenticated callers only: a malformed tenant is not the first thing a stranger learns. */
    private static void requireValid(String tenant) {
        if (!TenantId.valid(tenant)) {
            throw ProblemException.badRequest("tenant", "The tenant (" + TENANT_HEADER + " header) must be 1 to 64 "
                    + "letters, digits, '-' or '_'");
        }
    }

    /**
     * API Gateway's authorizer, where one is configured; otherwise the bearer token whose hash the secret holds.
     * An unknown or malformed tenant is refused like a wrong token, so callers cannot probe which tenants exist.
     */
    private void authenticate(GatewayRequest request, String tenant) {
        if (request.authorizedByGateway()) {
            return;
        }
        String expected = TenantId.valid(tenant) ? tokenSha256(tenant) : null;
        if (!BearerToken.matches(request.header("Authorization"), expected)) {
            throw new ProblemException(Problem.of("unauthenticated", "Unauthenticated", 401,
                    "Send 'Authorization: Bearer <token>' with the token whose SHA-256 is the tenant secret's "
                            + "apiTokenSha256, or call through the API Gateway authorizer"));
        }
    }

    /** The hash the tenant's secret holds, or null for a tenant without a secret. */
    private String tokenSha256(String tenant) {
        try {
            return credentials.credentials(tenant).apiTokenSha256();
        } catch (SecretNotFoundException unknownTenant) {
            return null;
        }
    }
}
