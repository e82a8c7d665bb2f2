package dev.cwlifecycle.members;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The API's contract, docs/openapi.yaml (packaged with this function), for tools that import it. */
@ApplicationScoped
public class ApiDocument {

    private final String yaml;

    public ApiDocument() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not packaged with the members function");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    APIGatewayV2HTTPResponse response() {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/yaml"));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(yaml).build();
    }
}
