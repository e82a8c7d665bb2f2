package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.cwlifecycle.gateway.Tenants;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (v2) events as API Gateway hands them to the functions: lower-case headers, the route's path
 * parameters, the raw body. Callers of the member routes carry the bench tenant's bearer token.
 */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    /** {@code POST /members} for {@code tenant}, under {@code idempotencyKey} when it is not null. */
    public static APIGatewayV2HTTPEvent provision(String tenant, String idempotencyKey, String body) {
        return post("/members", "/members", Map.of(), memberHeaders(tenant, idempotencyKey), Map.of(), body);
    }

    /** {@code POST /members/deprovision}, the member named in the body ({@code email} or {@code memberId}). */
    public static APIGatewayV2HTTPEvent deprovision(String tenant, String idempotencyKey, String body) {
        return post("/members/deprovision", "/members/deprovision", Map.of(),
                memberHeaders(tenant, idempotencyKey), Map.of(), body);
    }

    /** {@code POST /members/{identifier}/deprovision} with an optional body. */
    public static APIGatewayV2HTTPEvent deprovisionIdentifier(String tenant, String idempotencyKey, String identifier,
                                                              String body) {
        return post("/members/{identifier}/deprovision", "/members/" + identifier + "/deprovision",
                Map.of("identifier", identifier), memberHeaders(tenant, idempotencyKey), Map.of(), body);
    }

    /** {@code PATCH /members/{identifier}}, the mover, under {@code idempotencyKey} when it is not null. */
    public static APIGatewayV2HTTPEvent move(String tenant, String idempotencyKey, String identifier, String body) {
        return patch(post("/members/{identifier}", "/members/" + identifier, Map.of("identifier", identifier),
                memberHeaders(tenant, idempotencyKey), Map.of(), body));
    }

    /** {@code PATCH /members/by-id/{memberId}}, the mover naming the member by its ConnectWise id. */
    public static APIGatewayV2HTTPEvent moveById(String tenant, String idempotencyKey, long memberId, String body) {
        return patch(post("/members/by-id/{memberId}", "/members/by-id/" + memberId,
                Map.of("memberId", Long.toString(memberId)), memberHeaders(tenant, idempotencyKey), Map.of(), body));
    }

    /** {@code GET /members/{identifier}} when {@code identifier} is not null, else {@code GET /members}. */
    public static APIGatewayV2HTTPEvent read(String tenant, String identifier, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = identifier == null
                ? post("/members", "/members", Map.of(), memberHeaders(tenant, null), query, null)
                : post("/members/{identifier}", "/members/" + identifier, Map.of("identifier", identifier),
                memberHeaders(tenant, null), query, null);
        return method("GET", event);
    }

    /** ConnectWise's callback POST: the body exactly as signed and its {@code x-content-signature}. */
    public static APIGatewayV2HTTPEvent callback(String tenant, String body, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (signature != null) {
            headers.put("x-content-signature", signature);
        }
        return post("/callbacks/connectwise", "/callbacks/connectwise", Map.of(), headers, Map.of("tenant", tenant),
                body);
    }

    /**
     * A SCIM request as an identity provider sends it: {@code resource} below the tenant's base ({@code /Users},
     * {@code /Users/42}), the bench SCIM token, {@code application/scim+json}.
     */
    public static APIGatewayV2HTTPEvent scim(String method, String tenant, String resource, Map<String, String> query,
                                             String body) {
        String[] parts = resource.split("/");
        Map<String, String> pathParameters = new LinkedHashMap<>(Map.of("tenant", tenant));
        String route = "/scim/{tenant}/v2/" + parts[1];
        if (parts.length > 2) {
            route += "/{id}";
            pathParameters.put("id", parts[2]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/scim+json");
        headers.put("authorization", "Bearer " + BenchTenants.SCIM_TOKEN);
        headers.put("host", "scim.bench.test");
        return method(method, post(route, "/scim/" + tenant + "/v2" + resource, pathParameters, headers, query, body));
    }

    private static Map<String, String> memberHeaders(String tenant, String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("authorization", BenchTenants.authorization());
        headers.put(Tenants.HEADER.toLowerCase(Locale.ROOT), tenant);
        if (idempotencyKey != null) {
            headers.put("idempotency-key", idempotencyKey);
        }
        return headers;
    }

    /** The same request as a PATCH. */
    private static APIGatewayV2HTTPEvent patch(APIGatewayV2HTTPEvent event) {
        return method("PATCH", event);
    }

    /** The same request with {@code method}. */
    private static APIGatewayV2HTTPEvent method(String method, APIGatewayV2HTTPEvent event) {
        event.setRouteKey(event.getRouteKey().replaceFirst("^POST ", method + " "));
        event.getRequestContext().setRouteKey(event.getRouteKey());
        event.getRequestContext().getHttp().setMethod(method);
        return event;
    }

    private static APIGatewayV2HTTPEvent post(String route, String path, Map<String, String> pathParameters,
                                              Map<String, String> headers, Map<String, String> query, String body) {
        String rawQuery = String.join("&", query.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST " + route)
                .withRawPath(path)
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey("POST " + route)
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST").withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("cw-lifecycle-bench").build())
                        .build())
                .build();
    }
}
