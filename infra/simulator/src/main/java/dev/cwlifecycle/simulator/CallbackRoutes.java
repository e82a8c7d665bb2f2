package dev.cwlifecycle.simulator;

import java.util.List;

/** {@code /system/callbacks}: list, register, count, one registration (GET, DELETE). */
final class CallbackRoutes {

    ApiResponse handle(ApiRequest request, List<String> rest) {
        CallbackRegistry registry = request.tenant().callbacks();
        Paging<CallbackRegistry.Entry> paging = new Paging<>(registry.entries(), CallbackRegistry.Entry::json,
                entry -> entry.json().deepCopy(), CallbackRegistry.FIELDS);
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> paging.list(request);
                case "POST" -> ApiResponse.created(
                        registry.register(request.json("CallbackEntry"), request.actor()).json().deepCopy());
                default -> throw Routes.unsupported(request);
            };
        }
        if (rest.size() == 1 && Routes.is(rest, 0, "count")) {
            Routes.requireGet(request);
            return paging.count(request);
        }
        if (rest.size() == 1) {
            long id = Routes.id(rest.get(0));
            return switch (request.method()) {
                case "GET" -> ApiResponse.ok(registry.require(id).json().deepCopy());
                case "DELETE" -> {
                    registry.delete(id);
                    yield ApiResponse.noContent();
                }
                default -> throw Routes.unsupported(request);
            };
        }
        throw ConnectWiseErrors.endpointMissing();
    }
}
