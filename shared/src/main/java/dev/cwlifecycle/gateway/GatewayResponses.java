package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.ConnectWiseJson;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway v2 responses with JSON or problem+json bodies. */
public final class GatewayResponses {

    private GatewayResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        return response(status, "application/json", body, headers);
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> headers) {
        return response(problem.status(), Problem.MEDIA_TYPE, problem, headers);
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, Object body,
                                                     Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(all)
                    .withBody(ConnectWiseJson.MAPPER.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
