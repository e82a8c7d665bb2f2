package dev.cwlifecycle.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An HTTP exchange as API Gateway's HTTP API (payload format 2.0) hands it to a function and takes its answer back:
 * lower-cased headers with repeated values joined by commas, cookies apart, decoded query and path parameters, the
 * body as text or base64 when it is not text, a fresh request id; and the function's status, headers, cookies and
 * body written back as they are.
 */
final class GatewayExchange {

    private static final Pattern TEXT = Pattern.compile(
            "text/.*|application/(.*\\+)?(json|xml)|application/(javascript|x-www-form-urlencoded)");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GatewayExchange() {
    }

    /** The event API Gateway would hand the function for this request, received {@code now}. */
    static APIGatewayV2HTTPEvent event(RoutingContext context, LocalRoutes.Matched matched, Instant now) {
        HttpServerRequest request = context.request();
        Map<String, String> headers = joined(request.headers(), true);
        String cookieHeader = headers.remove("cookie");
        Buffer body = context.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        boolean text = isText(headers.get("content-type"), bytes);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(matched.route().routeKey())
                .withRawPath(request.path())
                .withRawQueryString(request.query() == null ? "" : request.query())
                .withCookies(cookieHeader == null ? null : Arrays.stream(cookieHeader.split(";")).map(String::trim)
                        .filter(cookie -> !cookie.isEmpty()).toList())
                .withHeaders(headers)
                .withQueryStringParameters(context.queryParams().isEmpty() ? null : joined(context.queryParams(), false))
                .withPathParameters(matched.pathParameters().isEmpty() ? null : matched.pathParameters())
                .withBody(bytes.length == 0 ? null
                        : text ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes))
                .withIsBase64Encoded(bytes.length > 0 && !text)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("local")
                        .withApiId("local")
                        .withDomainName(request.authority() == null ? "127.0.0.1" : request.authority().host())
                        .withDomainPrefix("local")
                        .withStage("$default")
                        .withRouteKey(matched.route().routeKey())
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method().name())
                                .withPath(request.path())
                                .withProtocol(protocol(request))
                                .withSourceIp(request.remoteAddress() == null ? "127.0.0.1"
                                        : request.remoteAddress().hostAddress())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .build())
                .build();
    }

    /** A response outside 100-599 is what API Gateway calls a malformed Lambda response: 500. */
    static void respond(HttpServerResponse response, APIGatewayV2HTTPResponse answer) {
        if (answer.getStatusCode() < 100 || answer.getStatusCode() > 599) {
            internalError(response);
            return;
        }
        response.setStatusCode(answer.getStatusCode());
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach(response::putHeader);
        }
        if (answer.getMultiValueHeaders() != null) {
            answer.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> response.headers().add(name, value)));
        }
        if (answer.getCookies() != null) {
            answer.getCookies().forEach(cookie -> response.headers().add("Set-Cookie", cookie));
        }
        String body = answer.getBody();
        if (body == null || body.isEmpty()) {
            response.end();
        } else {
            response.end(Buffer.buffer(answer.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** API Gateway's answer when no route key fits the method and path. */
    static void notFound(HttpServerResponse response) {
        message(response, 404, "Not Found");
    }

    /** API Gateway's answer when the function failed instead of answering. */
    static void internalError(HttpServerResponse response) {
        message(response, 500, "Internal Server Error");
    }

    private static void message(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"message\":\"" + message + "\"}");
    }

    private static Map<String, String> joined(MultiMap values, boolean lowerCaseNames) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (String name : values.names()) {
            List<String> all = values.getAll(name);
            joined.put(lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name, String.join(",", all));
        }
        return joined;
    }

    private static boolean isText(String contentType, byte[] body) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!TEXT.matcher(mediaType).matches()) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static String protocol(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 ? "HTTP/2.0"
                : request.version() == HttpVersion.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1";
    }
}
