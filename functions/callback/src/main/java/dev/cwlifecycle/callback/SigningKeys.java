package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.cache.TtlCache;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.gateway.exceptions.SignatureRefused;
import dev.cwlifecycle.gateway.exceptions.SigningKeyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Callback signing keys, fetched from a {@code key_url} that {@link KeyUrlPolicy} allowed and cached per
 * {@code key_url} (ConnectWise gives each key its own id in the URL, so a new key is a new URL). Only keys are
 * cached, never failures. Redirects are not followed: they could lead off the tenant's site.
 */
@ApplicationScoped
public class SigningKeys {

    /** {@code {"signing_key":"..."}} is tiny; anything bigger is not a key. */
    private static final int MAX_RESPONSE_BYTES = 16 * 1024;
    /** key_urls are caller-chosen (within the site): bound the cache so varied URLs cannot grow it forever. */
    private static final int MAX_CACHED_KEYS = 64;

    private final CallbackConfig config;
    private final HttpClient http;
    private final TtlCache<URI, byte[]> cache;
    private final AtomicLong fetches = new AtomicLong();

    @Inject
    public SigningKeys(CallbackConfig config, Clock clock) {
        this.config = config;
        this.cache = new TtlCache<>(config.keyCacheTtl(), clock, MAX_CACHED_KEYS);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.keyFetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The HMAC key for callbacks signed with the key at {@code keyUrl}, fetched before {@code deadline} if not cached.
     *
     * @throws SignatureRefused      when the site has no key there
     * @throws SigningKeyUnavailable when it could not be asked (timeout, connection failure, 5xx, 429)
     */
    public byte[] hmacKey(URI keyUrl, AnswerDeadline deadline) {
        return cache.get(keyUrl,
                url -> CallbackSignature.hmacKey(fetch(url, deadline.bound(config.keyFetchTimeout()))));
    }

    /** Requests sent to key_urls so far: lets operators and tests see that refused key_urls cost no request. */
    public long fetches() {
        return fetches.get();
    }

    private String fetch(URI keyUrl, Duration timeout) {
        if (timeout.isZero()) {
            throw new SigningKeyUnavailable("no time left before the answer is due");
        }
        HttpRequest request = HttpRequest.newBuilder(keyUrl)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        fetches.incrementAndGet();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SigningKeyUnavailable("no answer from the key_url: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningKeyUnavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new SigningKeyUnavailable("the key_url answered " + status);
        }
        if (status != 200) {
            throw new SignatureRefused("The key_url has no signing key (it answered " + status + ")");
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new SignatureRefused("The key_url answered with more than a signing key");
        }
        return signingKey(body);
    }

    private static String signingKey(byte[] body) {
        try {
            JsonNode key = ConnectWiseJson.MAPPER.readTree(body).path("signing_key");
            if (key.isTextual() && !key.asText().isBlank()) {
                return key.asText();
            }
        } catch (IOException notJson) {
            // not JSON holds no key either: refused below
        }
        throw new SignatureRefused("The key_url's answer holds no signing_key");
    }
}
