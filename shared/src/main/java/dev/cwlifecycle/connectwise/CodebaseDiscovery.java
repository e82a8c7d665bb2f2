package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.connectwise.error.UnexpectedResponseException;
import dev.cwlifecycle.connectwise.model.ConnectWiseError;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The codebase ({@code v2025_1/}) a company's site serves the API under, from {@code /login/companyinfo/{id}},
 * cached per site and company. Asked under the same retry policy as the API (429, 502/503/504, connection
 * failures). Cloud codebases change on upgrade, so a stale entry can be forgotten and re-asked.
 */
final class CodebaseDiscovery {

    private static final Pattern CODEBASE = Pattern.compile("[A-Za-z0-9_.]+/");

    private final HttpTransport transport;
    private final RetryPolicy retry;
    private final ConnectWiseConfig config;
    private final Map<String, String> codebases = new ConcurrentHashMap<>();

    CodebaseDiscovery(HttpTransport transport, RetryPolicy retry, ConnectWiseConfig config) {
        this.transport = transport;
        this.retry = retry;
        this.config = config;
    }

    /** The codebase from the secret, else the discovered one, else the configured default. */
    String codebase(ConnectWiseCredentials credentials) {
        if (credentials.codebase() != null) {
            return credentials.codebase();
        }
        if (!config.discoverCodebase()) {
            return config.defaultCodebase();
        }
        String key = key(credentials);
        String known = codebases.get(key);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: discovery may wait out retries, which must not block other tenants' lookups
        String discovered = discover(credentials);
        String raced = codebases.putIfAbsent(key, discovered);
        return raced == null ? discovered : raced;
    }

    /** Forgets a discovered codebase; true when there was one to forget (so a re-resolve may help). */
    boolean forget(ConnectWiseCredentials credentials) {
        return credentials.codebase() == null && config.discoverCodebase()
                && codebases.remove(key(credentials)) != null;
    }

    private static String key(ConnectWiseCredentials credentials) {
        return credentials.site() + "|" + credentials.companyId();
    }

    private String discover(ConnectWiseCredentials credentials) {
        ApiRequest request = ApiRequest.get("/login/companyinfo/" + credentials.companyId());
        String siteRoot = SiteAddress.of(credentials).root();
        AtomicInteger attempt = new AtomicInteger();
        ApiResponse response = retry.call(() -> transport.sendAnonymous(siteRoot, request, attempt.incrementAndGet()));
        String codebase = codebaseIn(response.body());
        if (codebase == null || !CODEBASE.matcher(codebase).matches()) {
            throw new UnexpectedResponseException(request.method(), request.path(), response.status(),
                    new ConnectWiseError("UnknownCompany", null,
                            "the site names no codebase for this company; check companyId and site", null));
        }
        return codebase;
    }

    /** An unknown company is a literal {@code null} with 200. */
    private static String codebaseIn(byte[] body) {
        try {
            JsonNode info = ConnectWiseJson.MAPPER.readTree(body);
            return info == null ? null : info.path("Codebase").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException("ConnectWise sent a company info body that is not JSON", e);
        }
    }
}
