package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every HTTP request to the site: fault injection, the per-request latency, authentication, routing, the request
 * log and the {@code onRequest} listeners (run after the answer is decided and before it is written, so a
 * listener's changes are in place before the client can send its next request), then the answer.
 */
final class SiteHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SiteHandler.class.getName());
    /** Longer request URLs get 414, as ConnectWise's IIS front answers them. */
    private static final int MAX_URL_LENGTH = 2048;

    private final ConnectWiseSimulator site;
    private final ApiAuthentication authentication;
    private final ApiRoutes routes = new ApiRoutes();

    SiteHandler(ConnectWiseSimulator site, ApiAuthentication authentication) {
        this.site = site;
        this.authentication = authentication;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Answering " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " failed", e);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = headers(exchange.getRequestHeaders());
        RequestTarget target = RequestTarget.of(uri.getPath(), site::serves);
        Map<String, String> query;
        ApiFailure malformedQuery = null;
        try {
            query = QueryString.decode(uri.getRawQuery());
        } catch (ApiFailure failure) {
            query = Map.of();
            malformedQuery = failure;
        }
        Optional<Fault.Kind> fault = site.faults().fire(method, target.path());
        if (target.area() == RequestTarget.Area.API) {
            site.pause(site.latency());
        }
        Fault.Kind kind = fault.orElse(null);
        if (kind instanceof Fault.Latency latency) {
            site.pause(latency.delay());
        }
        String faultLabel = fault.map(Fault.Kind::label).orElse(null);
        if (kind instanceof Fault.DropBeforeProcessing) {
            finish(target, new RecordedRequest(method, target.codebase(), target.path(), uri.getRawQuery(), query,
                    headers, body, 0, faultLabel, List.of()));
            return;
        }
        ApiResponse response;
        List<String> ignored = new ArrayList<>();
        if (kind instanceof Fault.Status status) {
            response = new ApiResponse(status.status(), ConnectWiseErrors.forStatus(status.status()), Map.of());
        } else if (kind instanceof Fault.RateLimited limited) {
            response = new ApiResponse(429, ConnectWiseErrors.rateLimited(limited.retryAfterSeconds()),
                    limited.retryAfterSeconds() == null ? Map.of()
                            : Map.of("Retry-After", String.valueOf(limited.retryAfterSeconds())));
        } else {
            response = answer(method, uri, target, query, malformedQuery, headers, body, ignored);
        }
        boolean drop = kind instanceof Fault.DropAfterProcessing;
        finish(target, new RecordedRequest(method, target.codebase(), target.path(), uri.getRawQuery(), query,
                headers, body, drop ? 0 : response.status(), faultLabel, ignored));
        if (!drop) {
            respond(exchange, response);
        }
    }

    private ApiResponse answer(String method, URI uri, RequestTarget target, Map<String, String> query,
                               ApiFailure malformedQuery, Map<String, String> headers, String body,
                               List<String> ignored) {
        try {
            if (malformedQuery != null) {
                throw malformedQuery;
            }
            return switch (target.area()) {
                case COMPANY_INFO -> companyInfo(method, target.segments().get(0));
                case CALLBACK_KEY -> callbackKey(method, query);
                case API -> api(method, uri, target, query, headers, body, ignored);
                case UNSERVED -> throw ConnectWiseErrors.endpointMissing();
            };
        } catch (ApiFailure failure) {
            return ApiResponse.of(failure);
        } catch (RuntimeException unexpected) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure answering " + method + " " + target.path(),
                    unexpected);
            return ApiResponse.of(ConnectWiseErrors.unexpected());
        }
    }

    private ApiResponse api(String method, URI uri, RequestTarget target, Map<String, String> query,
                            Map<String, String> headers, String body, List<String> ignored) {
        String rawQuery = uri.getRawQuery();
        if (uri.getRawPath().length() + (rawQuery == null ? 0 : rawQuery.length() + 1) > MAX_URL_LENGTH) {
            throw ConnectWiseErrors.uriTooLong();
        }
        Tenant tenant = authentication.authenticate(headers);
        ApiVersion.check(headers.get("accept"));
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        parameters.putAll(query);
        return routes.route(new ApiRequest(method, target.segments(), parameters, rawQuery, headers, body, tenant,
                site.baseUrl() + uri.getRawPath(), ignored));
    }

    /** Codebase discovery: unknown companies get a literal {@code null}, with 200. */
    private ApiResponse companyInfo(String method, String companyId) {
        if (!method.equals("GET")) {
            throw ConnectWiseErrors.methodNotAllowed(method);
        }
        return site.tenantFor(companyId).<ApiResponse>map(tenant -> {
            String codebase = site.codebase();
            String name = tenant.companyId();
            ObjectNode info = WireJson.object()
                    .put("CompanyName", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1))
                    .put("Codebase", codebase)
                    .put("VersionCode", codebase.substring(0, codebase.length() - 1).replace('_', '.'))
                    .put("CompanyID", tenant.companyId())
                    .put("IsCloud", "True");
            return ApiResponse.ok(info);
        }).orElseGet(() -> ApiResponse.ok(NullNode.getInstance()));
    }

    private ApiResponse callbackKey(String method, Map<String, String> query) {
        if (!method.equals("GET")) {
            throw ConnectWiseErrors.methodNotAllowed(method);
        }
        return site.callbacks().signingKeyAt(query.get("companyName"), query.get("id"))
                .map(key -> ApiResponse.ok(WireJson.object().put("signing_key", key)))
                .orElseThrow(() -> ConnectWiseErrors.notFound("The callback key was not found."));
    }

    private void finish(RequestTarget target, RecordedRequest recorded) {
        site.requestLog().add(recorded);
        if (target.area() == RequestTarget.Area.API || target.area() == RequestTarget.Area.UNSERVED) {
            site.notifyListeners(recorded);
        }
    }

    private static void respond(HttpExchange exchange, ApiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach(headers::set);
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = WireJson.write(response.body()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> headers(Headers requestHeaders) {
        Map<String, String> lowerCase = new HashMap<>();
        requestHeaders.forEach((name, values) ->
                lowerCase.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        return lowerCase;
    }
}
