package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Invokes the function under test through Quarkus' Lambda mock event server, as Lambda would. */
public final class LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaInvoker() {
    }

    /** The function's API Gateway v2 response: status, headers and the body parsed as JSON. */
    public record Answer(int status, Map<String, String> headers, JsonNode body, String rawBody) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    public static Answer invoke(String eventJson) {
        JsonPath response = RestAssured.given().contentType("application/json").body(eventJson).post().jsonPath();
        String body = response.getString("body");
        try {
            return new Answer(response.getInt("statusCode"), response.getMap("headers", String.class, String.class),
                    body == null ? null : JSON.readTree(body), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
