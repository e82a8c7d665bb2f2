package dev.cwlifecycle.callback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.gateway.ApiEdge;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.GatewayResponses;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.store.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /callbacks/connectwise}: ConnectWise's webhook, on the same edge as the API routes but proven by its
 * signature ({@link CallbackAuthentication}); then at most one apply per {@code MessageId}. ConnectWise posts to the
 * exact URL registered, so the tenant is in the route or the {@code tenant} query. The Lambda function and the
 * local server call {@link #handle}.
 */
@ApplicationScoped
public class CallbackHandler {

    private static final Logger LOG = Logger.getLogger(CallbackHandler.class);
    private static final String OPERATION = "callback";

    private final ApiEdge edge;
    private final CallbackAuthentication authentication;
    private final IdempotentRequests idempotent;
    private final MemberCallbacks members;

    @Inject
    public CallbackHandler(ApiEdge edge, CallbackAuthentication authentication, IdempotentRequests idempotent,
                           MemberCallbacks members) {
        this.edge = edge;
        this.authentication = authentication;
        this.idempotent = idempotent;
        this.members = members;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return edge.handle(OPERATION, event, authentication, this::intake);
    }

    private APIGatewayV2HTTPResponse intake(GatewayRequest request, String tenant, SignedCallback signed) {
        CallbackPayload callback = signed.payload();
        if (!callback.aboutMembers()) {
            return answer(CallbackOutcome.IGNORED, callback);
        }
        return idempotent.run(new IdempotencyKey(tenant, OPERATION, callback.messageId()),
                new String(signed.body(), StandardCharsets.UTF_8),
                () -> answer(members.apply(tenant, callback, signed.deadline()), callback));
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
