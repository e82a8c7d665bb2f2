package dev.cwlifecycle.callback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway in front of the function, on loopback: each POST the simulator delivers becomes an API Gateway v2
 * event (raw body, headers, query, request context) for {@link CallbackHandler#handle}, and the handler's status
 * and body go back to the simulator. One per simulator, registered there through {@link CallbackRegistration}.
 */
final class CallbackReceiver implements AutoCloseable {

    /** The handler's answer to one delivery. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** The application's beans a receiver needs, kept although no test injects them itself. */
    @Unremovable
    @Singleton
    static class Beans {
        @Inject
        CallbackHandler handler;
        @Inject
        CallbackRegistration registration;
    }

    private static CallbackReceiver current;

    private final ConnectWiseSimulator simulator;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CallbackHandler handler;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final CallbackRegistration.Registered registered;

    private CallbackReceiver(ConnectWiseSimulator simulator, CallbackHandler handler,
                             CallbackRegistration registration) {
        this.simulator = simulator;
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callbacks/connectwise", this::deliver);
        server.setExecutor(threads);
        server.start();
        registered = registration.register("default", url());
    }

    /** The receiver registered with this simulator, started on first use (the test application may restart). */
    static synchronized CallbackReceiver registeredWith(ConnectWiseSimulator simulator) {
        if (current == null || current.simulator != simulator) {
            if (current != null) {
                current.close();
            }
            Beans beans = Arc.container().instance(Beans.class).get();
            current = new CallbackReceiver(simulator, beans.handler, beans.registration);
        }
        return current;
    }

    /** What the simulator posts to: the registered URL, naming the tenant in the query as a deployment would. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/connectwise?tenant=default";
    }

    CallbackRegistration.Registered registered() {
        return registered;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void deliver(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String query = exchange.getRequestURI().getRawQuery();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /callbacks/connectwise")
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(query == null ? "" : query)
                .withQueryStringParameters(queryParameters(query))
                .withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey("POST /callbacks/connectwise")
                        .withStage("$default")
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handle(event);
        answers.add(new Answer(response.getStatusCode(), Map.copyOf(response.getHeaders()), response.getBody()));
        byte[] answer = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.getStatusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }
}
