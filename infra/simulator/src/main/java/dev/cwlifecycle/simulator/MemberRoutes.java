package dev.cwlifecycle.simulator;

import java.util.List;

/**
 * {@code /system/members}: list, create, count, one member (GET, PUT, PATCH; DELETE only when the site serves the
 * seed guide's route, else 405 as the spec has none), deactivate, usages, and the member types under
 * {@code /system/members/types}.
 */
final class MemberRoutes {

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
            return types(request, rest.subList(1, rest.size()));
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

    private static ApiResponse types(ApiRequest request, List<String> rest) {
        Routes.requireGet(request);
        SystemCatalog catalog = request.tenant().catalog();
        Paging<Reference> paging = new Paging<>(catalog.memberTypes(), catalog::memberTypeJson,
                catalog::memberTypeJson, SystemCatalog.TYPE_FIELDS);
        if (rest.isEmpty()) {
            return paging.list(request);
        }
        if (rest.size() == 1 && Routes.is(rest, 0, "count")) {
            return paging.count(request);
        }
        if (rest.size() == 1) {
            long id = Routes.id(rest.get(0));
            Reference type = catalog.memberTypes().get(id);
            if (type == null) {
                throw ConnectWiseErrors.notFound("Member type " + id + " not found");
            }
            return ApiResponse.ok(catalog.memberTypeJson(type));
        }
        throw ConnectWiseErrors.endpointMissing();
    }
}
