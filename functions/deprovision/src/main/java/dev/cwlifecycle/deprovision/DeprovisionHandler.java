package dev.cwlifecycle.deprovision;

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
import dev.cwlifecycle.lifecycle.Deprovisioner;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /members/{identifier}/deprovision} and {@code POST /members/deprovision}: the API Gateway v2 event in,
 * the response out. The Lambda function and the local server both call {@link #handle}.
 */
@ApplicationScoped
public class DeprovisionHandler {

    @ConfigMapping(prefix = "cw.deprovision")
    public interface DeprovisionConfig {
        @WithDefault("16384")
        int maxBodyBytes();
    }

    private final ApiEdge edge;
    private final Deprovisioner deprovisioner;
    private final IdempotentRequests idempotent;
    private final DeprovisionConfig config;

    @Inject
    public DeprovisionHandler(ApiEdge edge, Deprovisioner deprovisioner, IdempotentRequests idempotent,
                              DeprovisionConfig config) {
        this.edge = edge;
        this.deprovisioner = deprovisioner;
        this.idempotent = idempotent;
        this.config = config;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return edge.handle("deprovision", event, this::deprovision);
    }

    private APIGatewayV2HTTPResponse deprovision(GatewayRequest request, String tenant) {
        String identifier = request.pathParameter("identifier").orElse(null);
        DeprovisionRequest body = (request.rawBody().length == 0 ? DeprovisionRequest.EMPTY
                : JsonBody.read(request, DeprovisionRequest.class, config.maxBodyBytes())).validated(identifier);
        Supplier<APIGatewayV2HTTPResponse> deprovision = () ->
                GatewayResponses.json(200, deprovisioner.deprovision(tenant, body.departure(identifier)), Map.of());
        if (body.isDryRun()) {
            return deprovision.get();
        }
        return RequestKeys.clientKey(request, body.ticket()).map(key -> idempotent.run(
                RequestKeys.key(tenant, "deprovision", key), canonical(identifier, body), deprovision))
                .orElseGet(deprovision);
    }

    private static String canonical(String identifier, DeprovisionRequest body) {
        try {
            return identifier + " " + ConnectWiseJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
