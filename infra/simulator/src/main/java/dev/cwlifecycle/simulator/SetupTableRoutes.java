package dev.cwlifecycle.simulator;

import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * A setup table members refer to ({@code /system/members/types}, {@code /system/locations},
 * {@code /system/departments}, {@code /system/timeZoneSetups}): list, count and one row, read-only here.
 */
final class SetupTableRoutes {

    private final Function<SystemCatalog, NavigableMap<Long, Reference>> table;
    private final String noun;

    SetupTableRoutes(Function<SystemCatalog, NavigableMap<Long, Reference>> table, String noun) {
        this.table = table;
        this.noun = noun;
    }

    ApiResponse handle(ApiRequest request, List<String> rest) {
        Routes.requireGet(request);
        SystemCatalog catalog = request.tenant().catalog();
        NavigableMap<Long, Reference> rows = table.apply(catalog);
        Paging<Reference> paging = new Paging<>(rows, catalog::referenceJson, catalog::referenceJson,
                SystemCatalog.REFERENCE_FIELDS);
        if (rest.isEmpty()) {
            return paging.list(request);
        }
        if (rest.size() == 1 && Routes.is(rest, 0, "count")) {
            return paging.count(request);
        }
        if (rest.size() == 1) {
            long id = Routes.id(rest.get(0));
            Reference row = rows.get(id);
            if (row == null) {
                throw ConnectWiseErrors.notFound(noun + " " + id + " not found");
            }
            return ApiResponse.ok(Routes.shaped(request, catalog.referenceJson(row)));
        }
        throw ConnectWiseErrors.endpointMissing();
    }
}
