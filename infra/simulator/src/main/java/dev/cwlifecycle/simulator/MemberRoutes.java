package dev.cwlifecycle.simulator;

import java.util.List;

/**
 * {@code /system/members}: list, create, count, one member (GET, PUT, PATCH; DELETE only when the site serves the
 * seed guide's route, else 405 as the spec has none), deactivate, usages, and the member types under
 * {@code /system/members/types}.
 */
final class MemberRoutes {

    private static final SetupTableRoutes TYPES = new SetupTableRoutes(SystemCatalog::memberTypes, "Member type");

    ApiResponse handle(ApiRequest request, List<String> rest) {
        SimMembers members = request.tenant().members();
        Paging<MemberRecord> paging = new Paging<>(members.records(), members::view, members::render,
                MemberJson.FIELD_SET);
        if (rest.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> paging.list(request);
                case "POST" -> ApiResponse.created(members.render(members.create(request.json("Member"),
                        request.actor())));
                default -> throw Routes.unsupported(request);
            };
        }
        if (Routes.is(rest, 0, "types")) {
            return TYPES.handle(request, rest.subList(1, rest.size()));
        }
        if (Routes.is(rest, 0, "count") && rest.size() == 1) {
            Routes.requireGet(request);
            return paging.count(request);
        }
        long id = Routes.id(rest.get(0));
        if (rest.size() == 1) {
            return one(request, members, id);
        }
        if (rest.size() == 2 && Routes.is(rest, 1, "deactivate")) {
            if (!request.method().equals("POST")) {
                throw Routes.unsupported(request);
            }
            return ApiResponse.ok(members.deactivate(id, request.json("MemberDeactivation"), request.actor()));
        }
        if (rest.size() == 2 && Routes.is(rest, 1, "usages")) {
            Routes.requireGet(request);
            return ApiResponse.ok(members.usages(id));
        }
        throw ConnectWiseErrors.endpointMissing();
    }

    private static ApiResponse one(ApiRequest request, SimMembers members, long id) {
        return switch (request.method()) {
            case "GET" -> ApiResponse.ok(Routes.shaped(request, members.render(members.require(id))));
            case "PUT" -> ApiResponse.ok(members.render(members.replace(id, request.json("Member"), request.actor())));
            case "PATCH" -> ApiResponse.ok(members.render(members.patch(id, request.json("PatchOperations"),
                    request.actor())));
            case "DELETE" -> {
                if (!request.tenant().memberDelete()) {
                    throw Routes.unsupported(request);
                }
                members.delete(id, request.actor());
                yield ApiResponse.noContent();
            }
            default -> throw Routes.unsupported(request);
        };
    }
}
