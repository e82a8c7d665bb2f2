package dev.cwlifecycle.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Invokes the function under test through Quarkus' Lambda mock event server, as Lambda would. Every exchange is
 * checked against docs/openapi.yaml ({@link ContractValidator}).
 */
public final class LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        return answer(eventJson, response.getInt("statusCode"), response.getMap("headers", String.class,
                String.class), response.getString("body"));
    }

    /**
     * Hands the same event straight to the handler bean, as one of several Lambda instances would: the mock event
     * server runs one invocation at a time, so only this way do concurrent requests really overlap.
     */
    public static Answer handle(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String eventJson) {
        try {
            APIGatewayV2HTTPResponse response = handler.apply(JSON.readValue(eventJson, APIGatewayV2HTTPEvent.class));
            return answer(eventJson, response.getStatusCode(), response.getHeaders(), response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer answer(String eventJson, int status, Map<String, String> headers, String body) {
        Map<String, String> all = headers == null ? Map.of() : headers;
        ContractValidator.check(eventJson, status, all, body);
        try {
            boolean json = all.entrySet().stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Content-Type")
                    && header.getValue().contains("json"));
            return new Answer(status, all, body == null || !json ? null : JSON.readTree(body), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
