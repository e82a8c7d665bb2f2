package dev.cwlifecycle.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB Local behind a loopback HTTP relay that can fail chosen operations the way DynamoDB does, with a 500
 * {@code InternalServerError}: before the request reaches the table, or after it was applied (the answer lost).
 * The client it hands out retries as the production client does (the AWS SDK's standard strategy with
 * {@code cw.store.max-attempts} attempts), without its waits, so a test sees what the stores get after the SDK's
 * retries; with one attempt, every failure.
 */
final class DynamoDbFaults implements AutoCloseable {

    enum When { BEFORE_APPLYING, AFTER_APPLYING }

    private static final String INTERNAL_ERROR =
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"injected fault\"}";
    private static final Set<String> NOT_RELAYED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private record Armed(When when, AtomicInteger remaining) {
    }

    private final HttpServer relay;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI dynamoDbLocal = DynamoDbLocalExtension.endpoint();
    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    DynamoDbFaults(int maxAttempts) {
        try {
            relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        relay.createContext("/", this::relay);
        relay.start();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + relay.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.retryStrategy(DynamoDbRetries.strategy(maxAttempts)
                        .toBuilder().backoffStrategy(BackoffStrategy.retryImmediately()).build()))
                .build();
    }

    DynamoDbClient client() {
        return client;
    }

    /** The next {@code times} requests of {@code operation} (e.g. {@code PutItem}) fail. */
    void fail(String operation, When when, int times) {
        armed.put(operation, new Armed(when, new AtomicInteger(times)));
    }

    /** Requests of {@code operation} that reached the relay, failed or not. */
    int seen(String operation) {
        return seen.getOrDefault(operation, new AtomicInteger()).get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            seen.computeIfAbsent(operation, any -> new AtomicInteger()).incrementAndGet();
            Armed fault = armed.get(operation);
            boolean failing = fault != null && fault.remaining().getAndDecrement() > 0;
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failing && fault.when() == When.BEFORE_APPLYING) {
                answer(exchange, 500, INTERNAL_ERROR.getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> applied = forward(exchange, body);
            if (failing) {
                answer(exchange, 500, INTERNAL_ERROR.getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, applied.statusCode(), applied.body());
            }
        } finally {
            exchange.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(dynamoDbLocal.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_RELAYED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while relaying to DynamoDB Local", e);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        client.close();
        relay.stop(0);
    }
}
