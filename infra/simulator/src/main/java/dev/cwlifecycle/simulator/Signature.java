package dev.cwlifecycle.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * ConnectWise's callback signature ({@code x-content-signature}): Base64(HMAC-SHA256(key, raw body bytes)) where
 * the HMAC key is SHA-256 of the UTF-8 bytes of the company's {@code signing_key}.
 */
public final class Signature {

    private Signature() {
    }

    public static String sign(String signingKey, byte[] body) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
