package dev.cwlifecycle.callback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import dev.cwlifecycle.credentials.TenantId;
import dev.cwlifecycle.gateway.ApiEdge;
import dev.cwlifecycle.gateway.CallerJson;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.GatewayResponses;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.gateway.ProblemException;
import dev.cwlifecycle.gateway.Problems;
import dev.cwlifecycle.metrics.Metrics;
import dev.cwlifecycle.store.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /callbacks/connectwise}: ConnectWise's webhook. Public, so authenticated by its signature instead of
 * a bearer token: size limit, parse, the tenant's company, the key_url's host, the signing key, the signature over
 * the raw bytes, then at most one apply per {@code MessageId}. Nothing is written and nothing outbound is sent
 * before the checks that need no request have passed. The Lambda function and the local server call
 * {@link #handle}.
 */
@ApplicationScoped
public class CallbackHandler {

    private static final Logger LOG = Logger.getLogger(CallbackHandler.class);
    private static final String OPERATION = "callback";
    /** Set in the MDC once the callback's company is the tenant's: the tenant dimension of the answer's metric. */
    private static final String TENANT_MDC = "tenant";

    private final CallbackConfig config;
    private final CredentialsSource credentials;
    private final SigningKeys signingKeys;
    private final IdempotentRequests idempotent;
    private final MemberCallbacks members;
    private final CallerJson json;
    private final Metrics metrics;

    @Inject
    public CallbackHandler(CallbackConfig config, CredentialsSource credentials, SigningKeys signingKeys,
                           IdempotentRequests idempotent, MemberCallbacks members, Metrics metrics) {
        this.config = config;
        this.credentials = credentials;
        this.signingKeys = signingKeys;
        this.idempotent = idempotent;
        this.members = members;
        // the signed Entity is a string that may be nearly the whole body
        this.json = new CallerJson(config.maxBodyBytes(), config.maxBodyBytes());
        this.metrics = metrics;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        GatewayRequest request = new GatewayRequest(event);
        MDC.put("correlationId", request.correlationId());
        APIGatewayV2HTTPResponse response;
        try {
            response = intake(request, event);
        } catch (ProblemException refused) {
            response = Problems.respond(refused, request.correlationId());
        } catch (RuntimeException failure) {
            // nothing was recorded: 429 is the one answer after which ConnectWise delivers again
            LOG.errorf(failure, "callback not applied: %s", failure);
            response = Problems.respond(CallbackProblems.notApplied(), request.correlationId());
        } finally {
            MDC.remove("correlationId");
        }
        response.getHeaders().put("X-Correlation-Id", request.correlationId());
        metrics.answered(OPERATION, (String) MDC.get(TENANT_MDC), response);
        MDC.remove(TENANT_MDC);
        metrics.emit(OPERATION);
        return response;
    }

    private APIGatewayV2HTTPResponse intake(GatewayRequest request, APIGatewayV2HTTPEvent event) {
        AnswerDeadline deadline = AnswerDeadline.after(config.answerWithin());
        byte[] body = request.rawBody();
        if (body.length > config.maxBodyBytes()) {
            throw CallbackProblems.payloadTooLarge(body.length, config.maxBodyBytes());
        }
        CallbackPayload callback = CallbackPayload.parse(json, body);
        String tenant = tenantOf(request, event);
        ConnectWiseCredentials site = siteOf(tenant);
        if (!site.companyId().equalsIgnoreCase(callback.companyId())) {
            throw CallbackProblems.unknownCompany();
        }
        MDC.put(TENANT_MDC, tenant);
        URI keyUrl = KeyUrlPolicy.forSite(site.site()).allowed(callback.keyUrl())
                .orElseThrow(CallbackProblems::keyUrlRefused);
        if (!CallbackSignature.matches(signingKeys.hmacKey(keyUrl, deadline), body, request.header(CallbackSignature.HEADER))) {
            throw CallbackProblems.signatureRefused("The " + CallbackSignature.HEADER + " header is missing or does "
                    + "not match the body");
        }
        if (!callback.aboutMembers()) {
            return answer(CallbackOutcome.IGNORED, callback);
        }
        return idempotent.run(new IdempotencyKey(tenant, OPERATION, callback.messageId()),
                new String(body, StandardCharsets.UTF_8),
                () -> answer(members.apply(tenant, callback, deadline), callback));
    }

    /** ConnectWise posts to the exact URL registered: the tenant is in the route or the {@code tenant} query. */
    private static String tenantOf(GatewayRequest request, APIGatewayV2HTTPEvent event) {
        String tenant = request.pathParameter("tenant")
                .or(() -> Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("tenant")))
                .orElse(ApiEdge.DEFAULT_TENANT);
        if (!TenantId.valid(tenant)) {
            throw ProblemException.badRequest("tenant", "The tenant (route or 'tenant' query parameter) must be 1 to "
                    + "64 letters, digits, '-' or '_'");
        }
        return tenant;
    }

    /** An unknown tenant is refused like a foreign company, so callers cannot probe which tenants exist. */
    private ConnectWiseCredentials siteOf(String tenant) {
        try {
            return credentials.credentials(tenant);
        } catch (SecretNotFoundException unknownTenant) {
            throw CallbackProblems.unknownCompany();
        }
    }

    private static APIGatewayV2HTTPResponse answer(CallbackOutcome outcome, CallbackPayload callback) {
        LOG.infof("callback %s: %s %s %d -> %s", callback.messageId(), callback.type(), callback.action(),
                callback.id(), outcome.label());
        // in this order on every runtime: Map.of's order changes from one JVM (or native image) to the next
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome.label());
        body.put("id", callback.id());
        return GatewayResponses.json(outcome.status(), body, Map.of());
    }
}
