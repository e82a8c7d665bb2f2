package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A ConnectWise API caller for the tests: real HTTP to the simulator with the credential and clientId headers. */
final class ApiSession {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectWiseSimulator simulator;
    private final String credential;
    private final String clientId;

    private ApiSession(ConnectWiseSimulator simulator, String credential, String clientId) {
        this.simulator = simulator;
        this.credential = credential;
        this.clientId = clientId;
    }

    /** The default tenant acme with its default keys and clientId. */
    static ApiSession acme(ConnectWiseSimulator simulator) {
        return as(simulator, "acme", "pub-acme", "priv-acme");
    }

    static ApiSession as(ConnectWiseSimulator simulator, String company, String publicKey, String privateKey) {
        return new ApiSession(simulator, basic(company + "+" + publicKey + ":" + privateKey),
                ConnectWiseSimulator.DEFAULT_CLIENT_ID);
    }

    ApiSession withClientId(String newClientId) {
        return new ApiSession(simulator, credential, newClientId);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    HttpResponse<String> post(String path, Object body) {
        return send("POST", path, text(body));
    }

    HttpResponse<String> put(String path, Object body) {
        return send("PUT", path, text(body));
    }

    HttpResponse<String> patch(String path, Object body) {
        return send("PATCH", path, text(body));
    }

    HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code path} is relative to the API base, e.g. {@code /system/members?pageSize=5}; headers override. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/vnd.connectwise.com+json; version=2025.8");
        all.put("Authorization", credential);
        all.put("clientId", clientId);
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        String[] flat = all.entrySet().stream().filter(header -> header.getValue() != null)
                .flatMap(header -> Stream.of(header.getKey(), header.getValue())).toArray(String[]::new);
        return raw(method, simulator.apiBase() + path, body, flat);
    }

    static HttpResponse<String> raw(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object body) {
        if (body instanceof String string) {
            return string;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
