package dev.cwlifecycle.connectwise;

import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A successful ConnectWise answer. */
record ApiResponse(int status, MultivaluedMap<String, String> headers, byte[] body) {

    /** The server's clock ({@code Date} header), the only safe base for a sync watermark. */
    Optional<Instant> serverDate() {
        return Optional.ofNullable(headers.getFirst("Date"))
                .map(value -> ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }

    Optional<String> link(String rel) {
        return headers.getOrDefault("Link", List.of()).stream()
                .flatMap(value -> LinkHeader.parse(value).entrySet().stream())
                .filter(entry -> entry.getKey().equals(rel))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
