package dev.cwlifecycle.scim;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwlifecycle.connectwise.ConnectWiseJson;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** SCIM's media type and its responses. */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final ObjectMapper MAPPER = ConnectWiseJson.MAPPER;

    private ScimJson() {
    }

    static APIGatewayV2HTTPResponse response(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", MEDIA_TYPE);
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all)
                    .withBody(body == null ? null : MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
