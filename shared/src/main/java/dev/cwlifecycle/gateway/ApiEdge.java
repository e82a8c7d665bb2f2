package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.lambda.Correlation;
import dev.cwlifecycle.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every caller-facing function does around its own work: take the correlation id into the logs and the
 * {@code X-Correlation-Id} header, pick the tenant, authenticate the caller before anything else (the route's
 * {@link Authentication}), turn any failure into a problem response ({@link Problems}), and emit the invocation's
 * metrics with the answer's outcome.
 */
@ApplicationScoped
public class ApiEdge {

    private final Tenants tenants;
    private final CallerAuthentication callers;
    private final Metrics metrics;

    @Inject
    public ApiEdge(Tenants tenants, CallerAuthentication callers, Metrics metrics) {
        this.tenants = tenants;
        this.callers = callers;
        this.metrics = metrics;
    }

    /** The function's own work, for an authenticated caller of a known tenant. */
    @FunctionalInterface
    public interface Endpoint {
        APIGatewayV2HTTPResponse handle(GatewayRequest request, String tenant);
    }

    /** The function's own work for a caller its {@link Authentication} proved: {@code caller} is what that gave. */
    @FunctionalInterface
    public interface Authenticated<T> {
        APIGatewayV2HTTPResponse handle(GatewayRequest request, String tenant, T caller);
    }

    /** An API route: callers authorized by API Gateway or by a bearer token. */
    public APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event, Endpoint endpoint) {
        return handle(function, event, callers, (request, tenant, caller) -> endpoint.handle(request, tenant));
    }

    /** @param function the function's name, the {@code function} dimension of its metrics */
    public <T> APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event,
                                               Authentication<T> authentication, Authenticated<T> endpoint) {
        return handle(function, event, authentication, ProblemFormat.PROBLEM_JSON, endpoint);
    }

    /** @param format how the route's callers read a refusal or failure */
    public <T> APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event,
                                               Authentication<T> authentication, ProblemFormat format,
                                               Authenticated<T> endpoint) {
        GatewayRequest request = new GatewayRequest(event);
        String identified = null;
        APIGatewayV2HTTPResponse response;
        try (Correlation correlation = Correlation.of(request.correlationId())) {
            try {
                String tenant = tenants.of(request);
                T caller = authentication.identify(request, tenant);
                Tenants.requireValid(tenant);
                identified = tenant;
                authentication.verify(request, tenant, caller);
                response = endpoint.handle(request, tenant, caller);
            } catch (RuntimeException failure) {
                response = Problems.respond(authentication.unserved(failure), request.correlationId(), format);
            }
        }
        response.getHeaders().put("X-Correlation-Id", request.correlationId());
        metrics.answered(function, identified, response);
        metrics.emit(function);
        return response;
    }
}
