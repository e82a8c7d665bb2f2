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
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;
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
        String clientKey = RequestKeys.clientKey(request, body.ticket()).orElseGet(() -> emailKey(body, payload));
        return idempotent.run(RequestKeys.key(tenant, "provision", clientKey), payload,
                () -> idempotent.exclusively(officeEmailLease(tenant, body.email()), "A provision for this email",
                        () -> GatewayResponses.json(201, provisioner.provision(tenant, body.newMember()), Map.of())));
    }

    /**
     * One provision per office email at a time, whatever idempotency key each request carries. Whether ConnectWise
     * refuses a second member with the same office email is unverified, so two requests for one person that plan
     * at the same moment could each see nobody and each create a member (a paid seat).
     */
    private static IdempotencyKey officeEmailLease(String tenant, String email) {
        return new IdempotencyKey(tenant, "provision-email", RequestKeys.emailHash(email));
    }

    /**
     * Without a key, identical requests for one email are one request (retries and duplicates); a different
     * request for the same email is not a misuse of a key, so it runs and finds the existing member. The email
     * stands in the key as its SHA-256: no address in a DynamoDB key, where it would outlive the request.
     */
    private static String emailKey(ProvisionRequest body, String payload) {
        return "email:" + RequestKeys.emailHash(body.email()) + ":"
                + IdempotencyStore.payloadHash(payload).substring(0, 16);
    }

    private static String canonical(ProvisionRequest body) {
        try {
            return ConnectWiseJson.MAPPER.writeValueAsString(body.withoutDryRun());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
