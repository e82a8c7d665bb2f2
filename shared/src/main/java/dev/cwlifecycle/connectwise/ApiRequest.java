package dev.cwlifecycle.connectwise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One ConnectWise API call: method, path below {@code apis/3.0}, query, optional JSON body and extra headers. */
record ApiRequest(String method, String path, Map<String, String> query, Object body, Map<String, String> headers) {

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, Map.of());
    }

    static ApiRequest post(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, Map.of());
    }

    static ApiRequest patch(String path, Object body) {
        return new ApiRequest("PATCH", path, Map.of(), body, Map.of());
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, Map.of());
    }

    /** Adds a query parameter; null values are left out. */
    ApiRequest param(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put(name, value.toString());
        return new ApiRequest(method, path, next, body, headers);
    }

    ApiRequest header(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new ApiRequest(method, path, query, body, next);
    }

    /** GET, PATCH and DELETE have the same effect when repeated; a POST creates again. */
    boolean idempotent() {
        return !"POST".equals(method);
    }

    /** The query as ConnectWise reads it: every value percent-encoded, a space as {@code %20} (never {@code +}). */
    Map<String, String> encodedQuery() {
        Map<String, String> encoded = new LinkedHashMap<>();
        query.forEach((name, value) ->
                encoded.put(name, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return encoded;
    }

    String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + encodedQuery().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }
}
