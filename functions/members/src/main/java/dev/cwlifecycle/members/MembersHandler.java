package dev.cwlifecycle.members;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.gateway.ApiEdge;
import dev.cwlifecycle.gateway.GatewayRequest;
import dev.cwlifecycle.gateway.GatewayResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code GET /members/{identifier}}, {@code GET /members} (by {@code memberId} or {@code email}, or a page of the
 * directory) and the API's contract at {@code GET /openapi.yaml}: the API Gateway v2 event in, the response out. The
 * Lambda function and the local server both call {@link #handle}.
 */
@ApplicationScoped
public class MembersHandler {

    static final String DOCUMENT_ROUTE = "GET /openapi.yaml";

    private final ApiEdge edge;
    private final MemberReads reads;
    private final ApiDocument document;

    @Inject
    public MembersHandler(ApiEdge edge, MemberReads reads, ApiDocument document) {
        this.edge = edge;
        this.reads = reads;
        this.document = document;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        if (DOCUMENT_ROUTE.equals(event.getRouteKey())) {
            return document.response();
        }
        return edge.handle("members", event, this::read);
    }

    private APIGatewayV2HTTPResponse read(GatewayRequest request, String tenant) {
        MembersQuery query = MembersQuery.of(request, tenant);
        Object answer = switch (query.lookup()) {
            case IDENTIFIER -> reads.byIdentifier(tenant, query.identifier(), query.fresh());
            case MEMBER_ID -> MemberList.of(reads.byMemberId(tenant, query.memberId(), query.fresh()));
            case EMAIL -> new MemberList(reads.byEmail(tenant, query.email()), null);
            case PAGE -> MemberList.of(reads.page(tenant, query.active(), query.limit(), query.after()), tenant);
        };
        return GatewayResponses.json(200, answer, Map.of());
    }
}
