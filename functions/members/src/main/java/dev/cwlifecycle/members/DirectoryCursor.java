package dev.cwlifecycle.members;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.gateway.Validation;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of a directory page: the tenant and the last member id of the page, base64url-encoded.
 * A cursor is honoured only for the tenant it was made for, and the next page's start key is always built from the
 * caller's own tenant: an edited cursor can at most skip within that tenant's rows, never reach another's.
 */
@RegisterForReflection
record DirectoryCursor(String tenant, long after) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static String of(String tenant, long after) {
        try {
            return ENCODER.encodeToString(ConnectWiseJson.MAPPER.writeValueAsBytes(new DirectoryCursor(tenant, after)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member id the page starts after; empty, with the error noted, for a cursor not made for this tenant. */
    static Optional<Long> after(String tenant, String cursor, Validation validation) {
        try {
            DirectoryCursor decoded = ConnectWiseJson.MAPPER.readValue(Base64.getUrlDecoder().decode(
                    cursor.getBytes(StandardCharsets.US_ASCII)), DirectoryCursor.class);
            if (tenant.equals(decoded.tenant()) && decoded.after() > 0) {
                return Optional.of(decoded.after());
            }
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            // refused below, like a cursor of another tenant: the caller learns nothing about which it was
        }
        validation.check(false, "cursor", "is not a cursor this API gave for this tenant; start again without one");
        return Optional.empty();
    }
}
