package dev.cwlifecycle.callback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * ConnectWise's callback signature: {@code x-content-signature} = Base64(HMAC-SHA256(SHA-256(signing_key), body)),
 * checked over the raw body bytes as received and compared in constant time.
 */
final class CallbackSignature {

    static final String HEADER = "x-content-signature";
    private static final String HMAC = "HmacSHA256";

    private CallbackSignature() {
    }

    /** The HMAC key for a {@code signing_key}: SHA-256 of its UTF-8 bytes. */
    static byte[] hmacKey(String signingKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean matches(byte[] hmacKey, byte[] rawBody, Optional<String> header) {
        if (header.isEmpty()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.get().trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(sign(hmacKey, rawBody), presented);
    }

    private static byte[] sign(byte[] hmacKey, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(hmacKey, HMAC));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
