package dev.cwlifecycle.connectwise;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A successful ConnectWise answer. */
record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    /** The server's clock ({@code Date} header), the only safe base for a sync watermark. */
    Optional<Instant> serverDate() {
        return headers.firstValue("Date")
                .map(value -> ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }

    Optional<String> link(String rel) {
        return headers.allValues("Link").stream()
                .flatMap(value -> LinkHeader.parse(value).entrySet().stream())
                .filter(entry -> entry.getKey().equals(rel))
                .map(java.util.Map.Entry::getValue)
                .findFirst();
    }
}
