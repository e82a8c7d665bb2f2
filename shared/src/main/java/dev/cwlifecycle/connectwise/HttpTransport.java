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
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends one attempt of one request with ConnectWise's headers and turns every unsuccessful outcome into its
 * typed exception. Retrying is {@link RetryPolicy}'s job.
 */
final class HttpTransport {

    private static final Logger LOG = Logger.getLogger(HttpTransport.class);
    /** ConnectWise answers 414 past about 2,000 characters. */
    static final int MAX_URL_LENGTH = 2000;

    private final HttpClient http;
    private final ConnectWiseConfig config;

    HttpTransport(HttpClient http, ConnectWiseConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Refuses a URL ConnectWise would answer with 414, before anything is sent. */
    static URI uri(String apiBase, ApiRequest request) {
        String url = apiBase + request.pathAndQuery();
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidQueryException("The request URL for " + request.method() + " " + request.path()
                    + " would be " + url.length() + " characters; ConnectWise accepts at most " + MAX_URL_LENGTH);
        }
        return URI.create(url);
    }

    ApiResponse send(String apiBase, ApiRequest request, ConnectWiseCredentials credentials, int attempt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(apiBase, request))
                .timeout(config.readTimeout())
                .header("Authorization", authorization(credentials))
                .header("clientId", credentials.clientId())
                .header("Accept", "application/vnd.connectwise.com+json; version=" + config.apiVersion())
                .header("Content-Type", "application/json")
                .method(request.method(), bodyOf(request));
        request.headers().forEach(builder::header);
        return exchange(builder.build(), request, attempt);
    }

    /** A GET outside the API ({@code /login/companyinfo/{id}}): no credentials, plain JSON. */
    ApiResponse sendAnonymous(String siteRoot, ApiRequest request, int attempt) {
        HttpRequest get = HttpRequest.newBuilder(uri(siteRoot, request)).timeout(config.readTimeout())
                .header("Accept", "application/json").GET().build();
        return exchange(get, request, attempt);
    }

    private ApiResponse exchange(HttpRequest httpRequest, ApiRequest request, int attempt) {
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            log(request, response.statusCode(), attempt, started);
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            }
            throw failure(request, response);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            log(request, 0, attempt, started);
            throw new ConnectionFailedException(request.method(), request.path(), true, e);
        } catch (IOException e) {
            log(request, 0, attempt, started);
            throw new ConnectionFailedException(request.method(), request.path(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailedException(request.method(), request.path(), false, e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(ApiRequest request) {
        if (request.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(ConnectWiseJson.MAPPER.writeValueAsBytes(request.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String authorization(ConnectWiseCredentials credentials) {
        String user = credentials.companyId() + "+" + credentials.publicKey() + ":" + credentials.privateKey();
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private static ConnectWiseException failure(ApiRequest request, HttpResponse<byte[]> response) {
        String method = request.method();
        String path = request.path();
        int status = response.statusCode();
        ConnectWiseError error = errorBody(response.body());
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
    private static Duration retryAfter(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private static void log(ApiRequest request, int status, int attempt, long startedNanos) {
        LOG.infof("connectwise %s %s status=%d attempt=%d durationMs=%d", request.method(), request.path(),
                status, attempt, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
