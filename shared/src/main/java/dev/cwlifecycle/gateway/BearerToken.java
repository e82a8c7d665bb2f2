package dev.cwlifecycle.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The check for callers when no API Gateway authorizer stands in front: {@code Authorization: Bearer <token>}
 * whose SHA-256 equals the hash held in the tenant's secret, compared in constant time.
 */
public final class BearerToken {

    private BearerToken() {
    }

    public static boolean matches(Optional<String> authorization, String expectedSha256Hex) {
        if (expectedSha256Hex == null || authorization.isEmpty()) {
            return false;
        }
        String header = authorization.get();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = sha256(header.substring(7).trim());
        return MessageDigest.isEqual(presented, HexFormat.of().parseHex(expectedSha256Hex.toLowerCase()));
    }

    /** True when the token's SHA-256 is any of {@code expectedSha256Hex}; each one compared in constant time. */
    public static boolean matchesAny(Optional<String> authorization, List<String> expectedSha256Hex) {
        boolean matched = false;
        for (String expected : expectedSha256Hex) {
            matched |= matches(authorization, expected);
        }
        return matched;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
