package dev.cwlifecycle.simulator;

import java.util.List;

/** {@code /system/securityroles}: list, count and one role, read-only here. */
final class SecurityRoleRoutes {

    ApiResponse handle(ApiRequest request, List<String> rest) {
        Routes.requireGet(request);
        SystemCatalog catalog = request.tenant().catalog();
        Paging<SecurityRole> paging = new Paging<>(catalog.roles(), catalog::roleJson, catalog::roleJson,
                SystemCatalog.ROLE_FIELDS);
        if (rest.isEmpty()) {
            return paging.list(request);
        }
        if (rest.size() == 1 && Routes.is(rest, 0, "count")) {
            return paging.count(request);
        }
        if (rest.size() == 1) {
            long id = Routes.id(rest.get(0));
            SecurityRole role = catalog.role(id)
                    .orElseThrow(() -> ConnectWiseErrors.notFound("Security role " + id + " not found"));
            return ApiResponse.ok(Routes.shaped(request, catalog.roleJson(role)));
        }
        throw ConnectWiseErrors.endpointMissing();
    }
}
