package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Where the simulator delivers callbacks: {@code POST /callbacks/connectwise?tenant=...} on loopback, turned into
 * the API Gateway event the callback function gets and answered with the function's response, as API Gateway does.
 * Every exchange is kept, so a run can check what each answer claimed.
 */
public final class CallbackEndpoint implements AutoCloseable {

    public static final String PATH = "/callbacks/connectwise";

    /** One delivery as received (body and signature) and as answered. */
    public record Exchange(String tenant, String body, String signature, int status, String answer) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    private CallbackEndpoint(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) throws IOException {
        this.function = function;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves deliveries with {@code function}: the callback handler, or a recorder that answers 200. */
    public static CallbackEndpoint start(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        try {
            return new CallbackEndpoint(function);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to register with ConnectWise for {@code tenant}. */
    public String url(String tenant) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH + "?tenant=" + tenant;
    }

    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** Deliveries being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange http) throws IOException {
        inFlight.incrementAndGet();
        try (http) {
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = http.getRequestHeaders().getFirst("x-content-signature");
            String tenant = tenant(http.getRequestURI().getRawQuery());
            APIGatewayV2HTTPResponse response = function.apply(ApiGatewayEvents.callback(tenant, body, signature));
            byte[] answer = response.getBody() == null ? new byte[0]
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            synchronized (exchanges) {
                exchanges.add(new Exchange(tenant, body, signature, response.getStatusCode(),
                        response.getBody()));
            }
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(response.getStatusCode(), answer.length == 0 ? -1 : answer.length);
            http.getResponseBody().write(answer);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String tenant(String rawQuery) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("tenant=")) {
                    return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
        }
        return "default";
    }
}
