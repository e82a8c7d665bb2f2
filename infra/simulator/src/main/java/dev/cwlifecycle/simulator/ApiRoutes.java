package dev.cwlifecycle.simulator;

import java.util.List;
import java.util.Locale;

/** Dispatches an authenticated request under {@code apis/3.0}; path segments match ignoring case, as on IIS. */
final class ApiRoutes {

    private final MemberRoutes members = new MemberRoutes();
    private final SecurityRoleRoutes securityRoles = new SecurityRoleRoutes();
    private final CallbackRoutes callbacks = new CallbackRoutes();
    private final SetupTableRoutes locations = new SetupTableRoutes(SystemCatalog::locations, "Location");
    private final SetupTableRoutes departments = new SetupTableRoutes(SystemCatalog::departments, "Department");
    private final SetupTableRoutes timeZones = new SetupTableRoutes(SystemCatalog::timeZones, "Time zone setup");

    ApiResponse route(ApiRequest request) {
        List<String> segments = request.segments();
        if (segments.size() < 2 || !segments.get(0).equalsIgnoreCase("system")) {
            throw ConnectWiseErrors.endpointMissing();
        }
        String resource = segments.get(1).toLowerCase(Locale.ROOT);
        List<String> rest = segments.subList(2, segments.size());
        if (!List.of("members", "securityroles", "callbacks", "locations", "departments", "timezonesetups").contains(resource)) {
            throw ConnectWiseErrors.endpointMissing();
        }
        if (request.isWrite() && request.tenant().keys().readOnly()) {
            throw ConnectWiseErrors.forbidden();
        }
        return switch (resource) {
            case "members" -> members.handle(request, rest);
            case "securityroles" -> securityRoles.handle(request, rest);
            case "locations" -> locations.handle(request, rest);
            case "departments" -> departments.handle(request, rest);
            case "timezonesetups" -> timeZones.handle(request, rest);
            default -> callbacks.handle(request, rest);
        };
    }
}
