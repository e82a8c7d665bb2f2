package dev.cwlifecycle.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP routes of cw-lifecycle and the function behind each: what API Gateway serves in AWS (template.yaml,
 * checked against this list by a test) and what the local server serves.
 */
public final class LocalRoutes {

    /** One route: API Gateway's route key ({@code POST /members/{identifier}/deprovision}) and its function. */
    public record Route(String method, String path, String function, boolean callerAuthenticated) {

        public String routeKey() {
            return method + " " + path;
        }

        /** The path parameters when {@code rawPath} fits this route's path, each {@code {name}} one segment. */
        Optional<Map<String, String>> parameters(String rawPath) {
            String[] template = path.split("/", -1);
            String[] actual = rawPath.split("/", -1);
            if (template.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (template[i].startsWith("{") && template[i].endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(template[i].substring(1, template[i].length() - 1), decoded(actual[i]));
                } else if (!template[i].equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** A request's route and the path parameters taken from its path. */
    public record Matched(Route route, Map<String, String> pathParameters) {
    }

    public static final List<Route> ALL = List.of(
            new Route("POST", "/members", "provision", true),
            new Route("POST", "/members/{identifier}/deprovision", "deprovision", true),
            new Route("POST", "/members/deprovision", "deprovision", true),
            new Route("PATCH", "/members/{identifier}", "mover", true),
            new Route("PATCH", "/members/by-id/{memberId}", "mover", true),
            new Route("POST", "/callbacks/connectwise", "callback", false),
            new Route("GET", "/members", "members", true),
            new Route("GET", "/members/{identifier}", "members", true),
            new Route("GET", "/openapi.yaml", "members", false),
            // identity providers send a static bearer token, which the function checks itself (no authorizer)
            new Route("GET", "/scim/{tenant}/v2/ServiceProviderConfig", "scim", false),
            new Route("GET", "/scim/{tenant}/v2/ResourceTypes", "scim", false),
            new Route("GET", "/scim/{tenant}/v2/Schemas", "scim", false),
            new Route("GET", "/scim/{tenant}/v2/Users", "scim", false),
            new Route("POST", "/scim/{tenant}/v2/Users", "scim", false),
            new Route("GET", "/scim/{tenant}/v2/Users/{id}", "scim", false),
            new Route("PUT", "/scim/{tenant}/v2/Users/{id}", "scim", false),
            new Route("PATCH", "/scim/{tenant}/v2/Users/{id}", "scim", false),
            new Route("DELETE", "/scim/{tenant}/v2/Users/{id}", "scim", false));

    private LocalRoutes() {
    }

    /**
     * The route for a method and raw path, as API Gateway picks it: a literal segment beats a parameter, so
     * {@code /members/deprovision} is never read as an identifier. Empty when no route key fits, the method included.
     */
    public static Optional<Matched> match(String method, String rawPath) {
        Optional<Matched> best = Optional.empty();
        for (Route route : ALL) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> parameters = route.parameters(rawPath);
            if (parameters.isPresent() && (best.isEmpty()
                    || parameters.get().size() < best.get().pathParameters().size())) {
                best = Optional.of(new Matched(route, parameters.get()));
            }
        }
        return best;
    }

    /** API Gateway hands functions decoded path parameters; a malformed escape stays as sent. */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
