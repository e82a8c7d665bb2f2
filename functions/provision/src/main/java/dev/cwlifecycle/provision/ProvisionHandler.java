package dev.cwlifecycle.provision;

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
import dev.cwlifecycle.lifecycle.Provisioner;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code POST /members}: the API Gateway v2 event in, the response out. The Lambda function and the local server
 * both call {@link #handle}.
 */
@ApplicationScoped
public class ProvisionHandler {

    /** The edge's own part of {@code cw.provision.*}; the policy is the core's ({@code ProvisionPolicy}). */
    @ConfigMapping(prefix = "cw.provision")
    public interface ProvisionConfig {
        @WithDefault("65536")
        int maxBodyBytes();
    }

    private final ApiEdge edge;
    private final Provisioner provisioner;
    private final IdempotentRequests idempotent;
    private final ProvisionConfig config;

    @Inject
    public ProvisionHandler(ApiEdge edge, Provisioner provisioner, IdempotentRequests idempotent,
                            ProvisionConfig config) {
        this.edge = edge;
        this.provisioner = provisioner;
        this.idempotent = idempotent;
        this.config = config;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return edge.handle("provision", event, this::provision);
    }

    private APIGatewayV2HTTPResponse provision(GatewayRequest request, String tenant) {
        ProvisionRequest body = JsonBody.read(request, ProvisionRequest.class, config.maxBodyBytes()).validated();
        if (body.isDryRun()) {
            return GatewayResponses.json(200, provisioner.provision(tenant, body.newMember()), Map.of());
        }
        String payload = canonical(body);
        String clientKey = RequestKeys.clientKey(request, body.ticket())
                .orElseGet(() -> RequestKeys.personKey(body.email(), payload));
        return idempotent.run(RequestKeys.key(tenant, "provision", clientKey), payload,
                () -> idempotent.exclusively(RequestKeys.officeEmailLease(tenant, body.email()), "A provision for this email",
                        () -> GatewayResponses.json(201, provisioner.provision(tenant, body.newMember()), Map.of())));
    }

    private static String canonical(ProvisionRequest body) {
        try {
            return ConnectWiseJson.MAPPER.writeValueAsString(body.withoutDryRun());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
