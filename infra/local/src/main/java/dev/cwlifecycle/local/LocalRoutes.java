package dev.cwlifecycle.local;

import java.util.List;

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
    }

    public static final List<Route> ALL = List.of(
            new Route("POST", "/members", "provision", true),
            new Route("POST", "/members/{identifier}/deprovision", "deprovision", true),
            new Route("POST", "/members/deprovision", "deprovision", true),
            new Route("POST", "/callbacks/connectwise", "callback", false));

    private LocalRoutes() {
    }
}
