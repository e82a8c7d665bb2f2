package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An API Gateway HTTP API (v2) request, read the way every function needs it. */
public final class GatewayRequest {

    private final APIGatewayV2HTTPEvent event;
    private final String correlationId;

    public GatewayRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        this.correlationId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    /** API Gateway's request id (also in every log line and problem response), or a fresh one. */
    public String correlationId() {
        return correlationId;
    }

    /** A header by name, case-insensitively (API Gateway lower-cases them; local callers may not). */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** API Gateway's route key, the method and the route's path template: {@code GET /scim/{tenant}/v2/Users}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get(name));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(parameters -> parameters.get(name));
    }

    /** The names of the query's parameters, for a route that refuses the ones it does not know. */
    public Set<String> queryParameterNames() {
        return event.getQueryStringParameters() == null ? Set.of() : event.getQueryStringParameters().keySet();
    }

    /** The body exactly as the caller sent it (API Gateway base64-encodes binary bodies). */
    public byte[] rawBody() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** A claim of the JWT API Gateway's JWT authorizer accepted; empty for any other caller. */
    public Optional<String> jwtClaim(String name) {
        return authorizer().map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map(claims -> claims.get(name)).filter(value -> !value.isBlank());
    }

    /** The ARN of the IAM principal API Gateway's IAM authorization let in; empty for any other caller. */
    public Optional<String> iamPrincipal() {
        return authorizer().map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getIam)
                .map(APIGatewayV2HTTPEvent.RequestContext.IAM::getUserArn).filter(arn -> !arn.isBlank());
    }

    private Optional<APIGatewayV2HTTPEvent.RequestContext.Authorizer> authorizer() {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer);
    }

    /** True when an API Gateway authorizer (IAM or JWT) already authenticated the caller. */
    public boolean authorizedByGateway() {
        return authorizer().filter(authorizer -> authorizer.getIam() != null || authorizer.getJwt() != null)
                .isPresent();
    }
}
