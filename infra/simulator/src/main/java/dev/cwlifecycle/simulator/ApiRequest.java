package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated API request. {@code segments} are the path segments after {@code apis/3.0}; {@code query}
 * holds decoded parameters with case-insensitive names (ASP.NET binds them so); {@code url} is the absolute
 * request URL without its query, for {@code Link} headers; {@code ignored} collects the body's properties the spec
 * does not know, for the request log.
 */
record ApiRequest(String method, List<String> segments, Map<String, String> query, String rawQuery,
                  Map<String, String> headers, String body, Tenant tenant, String url, List<String> ignored) {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    boolean isWrite() {
        return WRITES.contains(method);
    }

    /** The API member the request's keys belong to: who ConnectWise says made a change. */
    String actor() {
        return tenant.keys().apiMemberIdentifier();
    }

    /**
     * The JSON body, read as the spec's {@code definition}: properties it does not know are ignored, as ASP.NET
     * does, and noted in {@link #ignored}. ConnectWise refuses a body that is not declared as JSON with 415.
     */
    JsonNode json(String definition) {
        String contentType = header("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ConnectWiseErrors.unsupportedMediaType(contentType);
        }
        JsonNode json = WireJson.parse(body);
        ignored.addAll(SpecSchema.unknownProperties(definition, json));
        return json;
    }
}
