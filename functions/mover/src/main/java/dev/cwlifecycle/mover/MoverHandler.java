package dev.cwlifecycle.mover;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.gateway.ApiEdge;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.GatewayResponses;
import dev.cwlifecycle.gateway.IdempotentRequests;
import dev.cwlifecycle.gateway.JsonBody;
import dev.cwlifecycle.gateway.RequestKeys;
import dev.cwlifecycle.gateway.Validation;
import dev.cwlifecycle.lifecycle.MemberChange;
import dev.cwlifecycle.lifecycle.Mover;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code PATCH /members/{identifier}} and {@code PATCH /members/by-id/{memberId}}: the API Gateway v2 event in, the
 * response out. The Lambda function and the local server both call {@link #handle}.
 */
@ApplicationScoped
public class MoverHandler {

    @ConfigMapping(prefix = "cw.mover")
    public interface MoverConfig {
        @WithDefault("16384")
        int maxBodyBytes();
    }

    private static final Pattern MEMBER_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final ApiEdge edge;
    private final Mover mover;
    private final IdempotentRequests idempotent;
    private final MoverConfig config;

    @Inject
    public MoverHandler(ApiEdge edge, Mover mover, IdempotentRequests idempotent, MoverConfig config) {
        this.edge = edge;
        this.mover = mover;
        this.idempotent = idempotent;
        this.config = config;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return edge.handle("mover", event, this::move);
    }

    private APIGatewayV2HTTPResponse move(GatewayRequest request, String tenant) {
        Optional<String> identifier = request.pathParameter("identifier");
        Optional<String> memberId = request.pathParameter("memberId");
        new Validation()
                .check(identifier.isPresent() ^ memberId.isPresent(), "member",
                        "name the member in the route: /members/{identifier} or /members/by-id/{memberId}")
                .identifier("identifier", identifier.orElse(null))
                .check(memberId.map(id -> MEMBER_ID.matcher(id).matches()).orElse(true), "memberId",
                        "must be a positive whole number")
                .orThrow();
        MoverRequest body = JsonBody.read(request, MoverRequest.class, config.maxBodyBytes()).validated();
        MemberChange change = body.change(identifier.orElse(null), memberId.map(Long::valueOf).orElse(null));
        Supplier<APIGatewayV2HTTPResponse> move = () -> GatewayResponses.json(200, mover.move(tenant, change), Map.of());
        if (body.isDryRun()) {
            return move.get();
        }
        String member = identifier.map(id -> "identifier " + id).orElseGet(() -> "id " + memberId.get());
        return RequestKeys.clientKey(request, body.ticket()).map(key -> idempotent.run(
                RequestKeys.key(tenant, "mover", key), canonical(member, body), move)).orElseGet(move);
    }

    private static String canonical(String member, MoverRequest body) {
        try {
            return member + " " + ConnectWiseJson.MAPPER.writeValueAsString(body.withoutDryRun());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
