package dev.cwlifecycle.connectwise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.UnexpectedResponseException;
import dev.cwlifecycle.connectwise.model.ConnectWiseError;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The codebase ({@code v2025_1/}) a company's site serves the API under, from {@code /login/companyinfo/{id}},
 * cached per site and company. Cloud codebases change on upgrade, so a stale entry can be forgotten and re-asked.
 */
final class CodebaseDiscovery {

    private static final Pattern CODEBASE = Pattern.compile("[A-Za-z0-9_.]+/");

    private final HttpClient http;
    private final ConnectWiseConfig config;
    private final Map<String, String> codebases = new ConcurrentHashMap<>();

    CodebaseDiscovery(HttpClient http, ConnectWiseConfig config) {
        this.http = http;
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
        return codebases.computeIfAbsent(key(credentials), key -> discover(credentials));
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
        String url = SiteAddress.of(credentials).companyInfo(credentials.companyId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.readTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode info = response.statusCode() == 200 ? ConnectWiseJson.MAPPER.readTree(response.body()) : null;
            String codebase = info == null ? null : info.path("Codebase").asText(null);
            if (codebase == null || !CODEBASE.matcher(codebase).matches()) {
                throw new UnexpectedResponseException("GET", "/login/companyinfo/" + credentials.companyId(),
                        response.statusCode(), new ConnectWiseError("UnknownCompany", null,
                        "the site names no codebase for this company; check companyId and site", null));
            }
            return codebase;
        } catch (IOException e) {
            throw new ConnectionFailedException("GET", "/login/companyinfo", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailedException("GET", "/login/companyinfo", false, e);
        }
    }
}
