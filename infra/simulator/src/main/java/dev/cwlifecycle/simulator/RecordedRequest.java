package dev.cwlifecycle.simulator;

import java.util.List;
import java.util.Map;

/**
 * One request as the simulator saw it. {@code path} is relative to {@code apis/3.0} for API requests
 * ({@code /system/members}) and the full path otherwise ({@code /login/companyinfo/acme}); {@code headers}
 * have lower-case names; {@code codebase} is the one an API request was sent under ({@code v2025_1/}), null for
 * other requests; {@code status} is 0 when the connection was dropped without an answer;
 * {@code fault} names the injected fault, or is null; {@code ignoredProperties} are the body's properties the spec
 * does not know (dotted paths), which ConnectWise ignores silently: a client that sends any has a bug.
 */
public record RecordedRequest(String method, String codebase, String path, String rawQuery,
                              Map<String, String> query, Map<String, String> headers, String body, int status,
                              String fault, List<String> ignoredProperties) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        ignoredProperties = List.copyOf(ignoredProperties);
    }

    /** Leaves out headers and body: the Authorization header carries a credential. */
    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status
                + (fault == null ? "" : " [" + fault + "]");
    }
}
