package dev.cwlifecycle.store;

import java.util.Map;

/** The response of a completed request, replayed verbatim to every retry with the same key and payload. */
public record StoredResponse(int status, Map<String, String> headers, String body) {

    public StoredResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
