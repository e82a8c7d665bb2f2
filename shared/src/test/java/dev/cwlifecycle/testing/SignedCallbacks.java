package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.simulator.Signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one fixture for callbacks a test makes up, as ConnectWise would write and sign them (the cases the simulator
 * does not produce by itself): signed with the simulator's own {@link Signature}, posted as API Gateway would.
 */
public final class SignedCallbacks {

    public static final ObjectMapper JSON = new ObjectMapper();

    private SignedCallbacks() {
    }

    /** ConnectWise's payload for a member change; {@code entity} is the member JSON (sent as a string) or null. */
    public static ObjectNode payload(String action, long id, String entity, String keyUrl) {
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

    /** ConnectWise's {@code x-content-signature} of {@code body} under {@code signingKey}. */
    public static String sign(String signingKey, String body) {
        return Signature.sign(signingKey, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The API Gateway event of a POST to {@code /callbacks/connectwise} for the {@code default} tenant. */
    public static String event(String body, String signature) {
        return event(body, signature, Map.of());
    }

    public static String event(String body, String signature, Map<String, String> pathParameters) {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", null);
        if (signature != null) {
            headers.put("x-content-signature", signature);
        }
        return GatewayEvents.post("/callbacks/connectwise", "/callbacks/connectwise", pathParameters, headers, body);
    }

    /** The key_url the simulator puts into its callbacks: needs a delivery to have happened. */
    public static String keyUrl(ConnectWiseSimulator simulator) {
        Delivery any = simulator.callbacks().deliveries().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no callback was delivered yet"));
        try {
            return JSON.readTree(any.body()).path("Metadata").path("key_url").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
