package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.error.ConflictException;
import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.ForbiddenException;
import dev.cwlifecycle.connectwise.error.InvalidQueryException;
import dev.cwlifecycle.connectwise.error.MethodNotAllowedException;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.connectwise.error.UnexpectedResponseException;
import dev.cwlifecycle.connectwise.model.ConnectWiseError;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends one attempt of one request with ConnectWise's headers, on the Quarkus REST Client ({@link ConnectWiseApi},
 * one client per base URI), and turns every unsuccessful outcome into its typed exception. Retrying is
 * {@link RetryPolicy}'s job.
 */
final class HttpTransport {

    private static final Logger LOG = Logger.getLogger(HttpTransport.class);
    /** ConnectWise answers 414 past about 2,000 characters. */
    static final int MAX_URL_LENGTH = 2000;

    private final ConnectWiseConfig config;
    private final Map<String, ConnectWiseApi> clients = new ConcurrentHashMap<>();

    HttpTransport(ConnectWiseConfig config) {
        this.config = config;
    }

    /** Refuses a URL ConnectWise would answer with 414, before anything is sent. */
    private static void checkLength(String base, ApiRequest request) {
        int length = (base + request.pathAndQuery()).length();
        if (length > MAX_URL_LENGTH) {
            throw new InvalidQueryException("The request URL for " + request.method() + " " + request.path()
                    + " would be " + length + " characters; ConnectWise accepts at most " + MAX_URL_LENGTH);
        }
    }

    ApiResponse send(String apiBase, ApiRequest request, ConnectWiseCredentials credentials, int attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization(credentials));
        headers.put("clientId", credentials.clientId());
        headers.put("Accept", "application/vnd.connectwise.com+json; version=" + config.apiVersion());
        headers.put("Content-Type", "application/json");
        headers.putAll(request.headers());
        return exchange(apiBase, request, headers, attempt);
    }

    /** A GET outside the API ({@code /login/companyinfo/{id}}): no credentials, plain JSON. */
    ApiResponse sendAnonymous(String siteRoot, ApiRequest request, int attempt) {
        return exchange(siteRoot, request, Map.of("Accept", "application/json"), attempt);
    }

    private ApiResponse exchange(String base, ApiRequest request, Map<String, String> headers, int attempt) {
        checkLength(base, request);
        ConnectWiseApi api = clients.computeIfAbsent(base, this::client);
        String path = request.path().substring(1);
        Map<String, String> query = request.encodedQuery();
        long started = System.nanoTime();
        try (Response response = switch (request.method()) {
            case "GET" -> api.get(path, query, headers);
            case "POST" -> api.post(path, query, headers, bodyOf(request));
            case "PATCH" -> api.patch(path, query, headers, bodyOf(request));
            case "DELETE" -> api.delete(path, query, headers);
            default -> throw new IllegalArgumentException("ConnectWise is not sent " + request.method());
        }) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            log(request, response.getStatus(), attempt, started);
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                return new ApiResponse(response.getStatus(), response.getStringHeaders(), body);
            }
            throw failure(request, response, body);
        } catch (ProcessingException e) {
            log(request, 0, attempt, started);
            throw new ConnectionFailedException(request.method(), request.path(), neverConnected(e),
                    e.getCause() == null ? e : e.getCause());
        }
    }

    /** HTTP/1.1 (the REST Client's default), redirects not followed, every status answered as a {@link Response}. */
    private ConnectWiseApi client(String base) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .build(ConnectWiseApi.class);
    }

    /**
     * A connection that was never established ({@link ConnectException}, a connect timeout included) sent nothing;
     * anything else ("Connection was closed", a read timeout) may have reached ConnectWise.
     */
    private static boolean neverConnected(ProcessingException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bodyOf(ApiRequest request) {
        if (request.body() == null) {
            return new byte[0];
        }
        try {
            return ConnectWiseJson.MAPPER.writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String authorization(ConnectWiseCredentials credentials) {
        String user = credentials.companyId() + "+" + credentials.publicKey() + ":" + credentials.privateKey();
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private static ConnectWiseException failure(ApiRequest request, Response response, byte[] body) {
        String method = request.method();
        String path = request.path();
        int status = response.getStatus();
        ConnectWiseError error = errorBody(body);
        return switch (status) {
            case 400 -> new BadRequestException(method, path, status, error);
            case 401 -> new UnauthorizedException(method, path, status, error);
            case 403 -> new ForbiddenException(method, path, status, error);
            case 404 -> new NotFoundException(method, path, status, error);
            case 405 -> new MethodNotAllowedException(method, path, status, error);
            case 409 -> new ConflictException(method, path, status, error);
            case 429 -> new RateLimitedException(method, path, error, retryAfter(response));
            default -> status >= 500
                    ? new ServerErrorException(method, path, status, error)
                    : new UnexpectedResponseException(method, path, status, error);
        };
    }

    private static ConnectWiseError errorBody(byte[] body) {
        try {
            return body.length == 0 ? null : ConnectWiseJson.MAPPER.readValue(body, ConnectWiseError.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds (the form ConnectWise uses); an HTTP-date or garbage counts as absent. */
    private static Duration retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        return value != null && value.trim().matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(value.trim()))
                : null;
    }

    private static void log(ApiRequest request, int status, int attempt, long startedNanos) {
        LOG.infof("connectwise %s %s status=%d attempt=%d durationMs=%d", request.method(), request.path(),
                status, attempt, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
