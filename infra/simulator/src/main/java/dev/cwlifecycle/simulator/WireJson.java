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

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
