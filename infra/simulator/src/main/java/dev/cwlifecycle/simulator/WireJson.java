package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/** The one Jackson mapper of the simulator: parsing request bodies and writing responses. */
final class WireJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; anything that is not JSON is ConnectWise's 400. */
    static JsonNode parse(String body) {
        try {
            JsonNode parsed = MAPPER.readTree(body);
            if (parsed == null || parsed.isMissingNode()) {
                throw ConnectWiseErrors.badRequest("The request body is empty.");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw ConnectWiseErrors.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The node as ConnectWise's .NET serialiser writes it: compact, every non-ASCII character escaped as a
     * six-character escape in lower-case hex (é as backslash, u, 00e9) and {@code /} escaped as {@code \/}. A
     * verifier that parses and writes the JSON again gets other bytes, so only one that signs the raw bytes agrees.
     */
    static String writeAsDotNet(JsonNode node) {
        String compact = write(node);
        StringBuilder escaped = new StringBuilder(compact.length() + 16);
        // outside strings compact JSON holds neither '/' nor non-ASCII, so every one met here is inside a string
        for (char c : compact.toCharArray()) {
            if (c == '/') {
                escaped.append("\\/");
            } else if (c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
