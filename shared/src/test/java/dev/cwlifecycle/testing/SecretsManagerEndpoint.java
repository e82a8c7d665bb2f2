package dev.cwlifecycle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager on loopback for tests that need nothing but a JDK: the AWS JSON 1.1 protocol (POST /,
 * {@code X-Amz-Target: secretsmanager.<Operation>}) for GetSecretValue, CreateSecret and PutSecretValue, answering
 * as AWS does. Access denial and throttling are switched on per secret name; GetSecretValue calls are counted per
 * requested id. {@code SecretsManagerContractTest} holds it to moto's answers.
 */
public final class SecretsManagerEndpoint implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Secret(String arn, String name, String versionId, String value, Instant created) {
    }

    /** An AWS error answer: HTTP 400 and {@code {"__type": …, "message": …}}. */
    private static final class Failure extends RuntimeException {
        final String type;

        Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> getCalls = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();
    private volatile Duration getLatency = Duration.ZERO;

    private SecretsManagerEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static SecretsManagerEndpoint start() {
        try {
            return new SecretsManagerEndpoint();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Secrets Manager endpoint", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** GetSecretValue of this id answers AccessDeniedException, as for a role without the permission. */
    public void denyAccess(String secretId) {
        denied.add(secretId);
    }

    /** GetSecretValue of this id answers ThrottlingException until {@link #stopThrottling(String)}. */
    public void throttle(String secretId) {
        throttled.add(secretId);
    }

    public void stopThrottling(String secretId) {
        throttled.remove(secretId);
    }

    /** Every GetSecretValue takes this long before answering, so concurrent callers overlap. */
    public void slowGetSecretValue(Duration latency) {
        getLatency = latency;
    }

    /** GetSecretValue requests whose {@code SecretId} was this name, whatever they were answered. */
    public int getSecretValueCalls(String secretId) {
        return getCalls.getOrDefault(secretId, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            try {
                if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                    throw new Failure("UnknownOperationException", "Only POST / is served");
                }
                if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")
                        || !authorization.contains("/secretsmanager/aws4_request")) {
                    throw new Failure("MissingAuthenticationTokenException",
                            "Request is missing a SigV4 signature for secretsmanager");
                }
                if (contentType == null || !contentType.startsWith(JSON_1_1)) {
                    throw new Failure("SerializationException", "Content-Type must be " + JSON_1_1);
                }
                if (target == null || !target.startsWith(TARGET_PREFIX)) {
                    throw new Failure("UnknownOperationException", "X-Amz-Target must name a secretsmanager operation");
                }
                JsonNode request = request(body);
                ObjectNode answer = switch (target.substring(TARGET_PREFIX.length())) {
                    case "GetSecretValue" -> getSecretValue(request);
                    case "CreateSecret" -> createSecret(request);
                    case "PutSecretValue" -> putSecretValue(request);
                    default -> throw new Failure("UnknownOperationException", "Operation not served here");
                };
                respond(exchange, 200, answer);
            } catch (Failure failure) {
                respond(exchange, 400, JSON.createObjectNode().put("__type", failure.type)
                        .put("message", failure.getMessage()));
            }
        }
    }

    private static JsonNode request(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new Failure("SerializationException", "The request body is not JSON");
        }
    }

    private ObjectNode getSecretValue(JsonNode request) {
        String id = text(request, "SecretId");
        getCalls.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        pause(getLatency);
        if (request.hasNonNull("VersionId")
                || (request.hasNonNull("VersionStage") && !"AWSCURRENT".equals(request.get("VersionStage").asText()))) {
            throw new Failure("InvalidParameterException", "Only the AWSCURRENT version is served here");
        }
        // IAM and the rate limit answer before the secret is looked up, as in AWS.
        if (denied.contains(id)) {
            throw new Failure("AccessDeniedException", "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/cw-lifecycle"
                    + "/test is not authorized to perform: secretsmanager:GetSecretValue on resource: " + id
                    + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
        }
        if (throttled.contains(id)) {
            throw new Failure("ThrottlingException", "Rate exceeded");
        }
        Secret secret = find(id);
        ObjectNode answer = identity(secret);
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer.put("CreatedDate", secret.created().toEpochMilli() / 1000.0);
        answer.put("SecretString", secret.value());
        return answer;
    }

    private ObjectNode createSecret(JsonNode request) {
        String name = text(request, "Name");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Secret secret = new Secret("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + name + "-" + suffix,
                name, versionId(request), text(request, "SecretString"), Instant.now());
        if (secrets.putIfAbsent(name, secret) != null) {
            throw new Failure("ResourceExistsException", "The operation failed because the secret " + name
                    + " already exists.");
        }
        return identity(secret);
    }

    private ObjectNode putSecretValue(JsonNode request) {
        Secret current = find(text(request, "SecretId"));
        Secret next = new Secret(current.arn(), current.name(), versionId(request), text(request, "SecretString"),
                Instant.now());
        secrets.put(current.name(), next);
        ObjectNode answer = identity(next);
        answer.putArray("VersionStages").add("AWSCURRENT");
        return answer;
    }

    private Secret find(String id) {
        Secret byName = secrets.get(id);
        if (byName != null) {
            return byName;
        }
        return secrets.values().stream().filter(secret -> secret.arn().equals(id)).findFirst()
                .orElseThrow(() -> new Failure("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
    }

    private static ObjectNode identity(Secret secret) {
        return JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
                .put("VersionId", secret.versionId());
    }

    /** The SDK fills {@code ClientRequestToken} itself; AWS makes it the new version's id. */
    private static String versionId(JsonNode request) {
        return request.hasNonNull("ClientRequestToken") ? request.get("ClientRequestToken").asText()
                : UUID.randomUUID().toString();
    }

    private static String text(JsonNode request, String field) {
        if (!request.hasNonNull(field)) {
            throw new Failure("InvalidParameterException", "You must provide a value for " + field + ".");
        }
        return request.get(field).asText();
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON_1_1);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
