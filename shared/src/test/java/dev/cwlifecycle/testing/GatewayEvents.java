package dev.cwlifecycle.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** API Gateway HTTP API (v2) event JSON, shaped as API Gateway sends it to a Lambda function. */
public final class GatewayEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayEvents() {
    }

    /** A POST with the test bearer token and a JSON content type, plus any {@code headers} given. */
    public static String post(String route, String rawPath, Map<String, String> pathParameters,
                              Map<String, String> headers, String body) {
        return request("POST", route, rawPath, pathParameters, Map.of(), headers, body);
    }

    /** A PATCH with the test bearer token and a JSON content type, plus any {@code headers} given. */
    public static String patch(String route, String rawPath, Map<String, String> pathParameters,
                               Map<String, String> headers, String body) {
        return request("PATCH", route, rawPath, pathParameters, Map.of(), headers, body);
    }

    /**
     * A GET with the test bearer token and the {@code query} parameters (decoded, as API Gateway hands them on), plus
     * any {@code headers} given.
     */
    public static String get(String route, String rawPath, Map<String, String> pathParameters,
                             Map<String, String> query, Map<String, String> headers) {
        Map<String, String> withoutBody = new HashMap<>(headers);
        withoutBody.put("content-type", null);
        return request("GET", route, rawPath, pathParameters, query, withoutBody, null);
    }

    /**
     * A request to {@code route} ({@code /members/{identifier}/deprovision}) with the test bearer token, a JSON
     * content type and the {@code query} parameters (decoded, as API Gateway hands them on), plus any {@code headers}
     * given (a null value removes one of those).
     */
    public static String request(String method, String route, String rawPath, Map<String, String> pathParameters,
                                 Map<String, String> query, Map<String, String> headers, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + route);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", query.entrySet().stream().map(parameter -> encoded(parameter.getKey())
                + "=" + encoded(parameter.getValue())).collect(Collectors.joining("&")));
        ObjectNode allHeaders = event.putObject("headers");
        allHeaders.put("content-type", "application/json");
        allHeaders.put("authorization", "Bearer " + FunctionTestResource.TOKEN);
        headers.forEach((name, value) -> {
            if (value == null) {
                allHeaders.remove(name.toLowerCase());
            } else {
                allHeaders.put(name.toLowerCase(), value);
            }
        });
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", method + " " + route);
        context.put("stage", "$default");
        context.putObject("http").put("method", method).put("path", rawPath).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "test");
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The event as API Gateway's JWT authorizer passes it on: the token's claims, no Authorization header left. */
    public static String jwtAuthorized(String eventJson, Map<String, String> claims) {
        ObjectNode event = authorized(eventJson);
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        ObjectNode all = jwt.putObject("claims");
        claims.forEach(all::put);
        jwt.putArray("scopes").add("members/write");
        return event.toString();
    }

    /** The event as API Gateway's IAM authorization passes it on, for the principal {@code userArn}. */
    public static String iamAuthorized(String eventJson, String userArn) {
        ObjectNode event = authorized(eventJson);
        ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("iam")
                .put("accountId", userArn.split(":")[4]).put("userArn", userArn).put("userId", "AROATEST");
        return event.toString();
    }

    private static ObjectNode authorized(String eventJson) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
            ((ObjectNode) event.get("headers")).remove("authorization");
            return event;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
