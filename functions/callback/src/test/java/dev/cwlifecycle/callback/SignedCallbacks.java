package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.testing.GatewayEvents;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Callbacks as ConnectWise would sign them, for cases the simulator does not produce by itself. */
final class SignedCallbacks {

    static final ObjectMapper JSON = new ObjectMapper();

    private SignedCallbacks() {
    }

    /** ConnectWise's payload for a member change; {@code entity} is the member JSON (sent as a string) or null. */
    static ObjectNode payload(String action, long id, String entity, String keyUrl) {
        ObjectNode payload = JSON.createObjectNode()
                .put("MessageId", UUID.randomUUID().toString())
                .put("FromUrl", "127.0.0.1")
                .put("CompanyId", "acme")
                .put("MemberId", "admin")
                .put("Action", action)
                .put("Type", "member")
                .put("ID", id)
                .put("CallbackObjectRecId", 1);
        payload.put("Entity", entity);
        payload.putObject("Metadata").put("key_url", keyUrl);
        return payload;
    }

    /** Base64(HMAC-SHA256(SHA-256(signing_key), body)). */
    static String sign(String signingKey, String body) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(signingKey.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API Gateway event of a POST to {@code /callbacks/connectwise} for the {@code default} tenant. */
    static String event(String body, String signature) {
        return event(body, signature, Map.of());
    }

    static String event(String body, String signature, Map<String, String> pathParameters) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", null);
        if (signature != null) {
            headers.put("x-content-signature", signature);
        }
        return GatewayEvents.post("/callbacks/connectwise", "/callbacks/connectwise", pathParameters, headers, body);
    }

    /** The key_url the simulator puts into its callbacks: needs a delivery to have happened. */
    static String keyUrl(ConnectWiseSimulator simulator) {
        Delivery any = simulator.callbacks().deliveries().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no callback was delivered yet"));
        try {
            return JSON.readTree(any.body()).path("Metadata").path("key_url").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
