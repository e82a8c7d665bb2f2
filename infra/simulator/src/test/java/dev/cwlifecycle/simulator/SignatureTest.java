package dev.cwlifecycle.simulator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignatureTest {

    @Test
    void signsAsConnectWiseDoesBase64OfHmacSha256KeyedWithTheSha256OfTheSigningKey() {
        // computed apart from Java: printf BODY | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(sha256 of KEY)
        String body = "{\"ID\":116,\"Action\":\"updated\",\"Entity\":\"{\\\"firstName\\\":\\\"Jos\\u00e9\\\"}\"}";

        String signature = Signature.sign("0123456789abcdef0123456789abcdef", body.getBytes(StandardCharsets.UTF_8));

        assertEquals("E8zmkykTabELDIZdP1Wgk1Py4H+ZkKv1d1fQ77b/qBs=", signature);
    }
}
