package dev.cwlifecycle.scim;

import dev.cwlifecycle.gateway.BearerToken;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** SCIM requests as an identity provider sends them to the default tenant, with its SCIM token. */
final class ScimRequests {

    static final String TOKEN = "scim-token-7d2a90";
    static final String ROTATED_TOKEN = "scim-token-next-31c8";
    static final String BASE = "/scim/default/v2";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private ScimRequests() {
    }

    /** The site as a test starts with it, the tenant secret holding the SCIM tokens. */
    static ConnectWiseSimulator freshSite() {
        allowScimTokens();
        return FunctionTestResource.freshSimulator();
    }

    /** The tenant secret with the SCIM tokens in use and being rotated in. */
    private static void allowScimTokens() {
        FunctionTestResource.secret(FunctionTestResource.credentialsJson(",\"scimTokenSha256\":[\""
                + sha256(ROTATED_TOKEN) + "\",\"" + sha256(TOKEN) + "\"]"));
    }

    static String sha256(String token) {
        return HexFormat.of().formatHex(BearerToken.sha256(token));
    }

    /** A work email no other test uses. */
    static String newEmail(String name) {
        return name + "." + PEOPLE.incrementAndGet() + "." + System.nanoTime() % 100000 + "@acme.example";
    }

    static Answer get(String resource, Map<String, String> query) {
        return send("GET", resource, query, Map.of(), null);
    }

    static Answer post(String body) {
        return send("POST", "/Users", Map.of(), Map.of(), body);
    }

    static Answer patch(String id, String body) {
        return send("PATCH", "/Users/" + id, Map.of(), Map.of(), body);
    }

    static Answer put(String id, String body) {
        return send("PUT", "/Users/" + id, Map.of(), Map.of(), body);
    }

    static Answer delete(String id) {
        return send("DELETE", "/Users/" + id, Map.of(), Map.of(), null);
    }

    /** {@code resource} is the path below the base: {@code /Users/42}. */
    static Answer send(String method, String resource, Map<String, String> query, Map<String, String> headers,
                       String body) {
        return LambdaInvoker.invoke(event(method, resource, query, headers, body));
    }

    static String event(String method, String resource, Map<String, String> query, Map<String, String> headers,
                        String body) {
        String[] parts = resource.split("/");
        Map<String, String> pathParameters = new HashMap<>(Map.of("tenant", "default"));
        String route = "/scim/{tenant}/v2/" + parts[1];
        if (parts.length > 2) {
            route += "/{id}";
            pathParameters.put("id", parts[2]);
        }
        Map<String, String> all = new HashMap<>(Map.of("authorization", "Bearer " + TOKEN,
                "content-type", "application/scim+json", "host", "scim.example.test", "x-forwarded-proto", "https"));
        all.putAll(headers);
        return GatewayEvents.request(method, route, BASE + resource, pathParameters, query, all, body);
    }
}
