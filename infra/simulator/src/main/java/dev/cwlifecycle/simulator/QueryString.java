package dev.cwlifecycle.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a raw query string the way ASP.NET does: percent-escapes and {@code +} as a space. */
final class QueryString {

    private QueryString() {
    }

    /** Parameters in request order; a repeated name keeps its first value. Bad escapes are ConnectWise's 400. */
    static Map<String, String> decode(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            try {
                parameters.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw ConnectWiseErrors.badRequest("The query string is not validly encoded: " + e.getMessage());
            }
        }
        return parameters;
    }
}
