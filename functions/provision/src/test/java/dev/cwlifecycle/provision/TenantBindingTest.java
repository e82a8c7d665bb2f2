package dev.cwlifecycle.provision;

import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.GatewayEvents;
import dev.cwlifecycle.testing.LambdaInvoker;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller authorized by API Gateway acts for its own tenant only: its JWT's tenant claim, its tenant's IAM list. */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class TenantBindingTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String TICKETING = "arn:aws:iam::123456789012:role/ticketing";
    private static final String OTHER_TEAM = "arn:aws:sts::123456789012:assumed-role/other-team/session";

    private ConnectWiseSimulator simulator;

    @BeforeEach
    void clear() {
        simulator = FunctionTestResource.freshSimulator();
    }

    @AfterEach
    void restoreTheSecret() {
        FunctionTestResource.secret(FunctionTestResource.credentialsJson());
    }

    @Test
    void aJwtBoundToAnotherTenantIsForbiddenWithoutAConnectWiseRequest() {
        String event = GatewayEvents.jwtAuthorized(provision(Map.of("CW-Tenant", "default")),
                Map.of("sub", "ticketing-tool", "cw_tenant", "globex"));

        Answer answer = LambdaInvoker.invoke(event);

        assertEquals(403, answer.status(), answer.rawBody());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals("urn:cw-lifecycle:problem:tenant-forbidden", answer.body().get("type").asText());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
    }

    @Test
    void aJwtsTenantClaimChoosesTheTenantWhenNoneIsNamed() {
        String own = GatewayEvents.jwtAuthorized(provision(Map.of()), Map.of("sub", "t", "cw_tenant", "default"));
        String other = GatewayEvents.jwtAuthorized(provision(Map.of()), Map.of("sub", "t", "cw_tenant", "globex"));

        Answer created = LambdaInvoker.invoke(own);
        simulator.requestLog().clear();
        Answer elsewhere = LambdaInvoker.invoke(other);

        assertEquals(201, created.status(), created.rawBody());
        assertEquals(404, elsewhere.status(), elsewhere.rawBody());
        assertEquals("urn:cw-lifecycle:problem:unknown-tenant", elsewhere.body().get("type").asText());
        assertEquals(List.of(), simulator.requestLog().all(), "globex has no secret: nothing was sent");
    }

    @Test
    void anIamPrincipalTheTenantDoesNotListIsForbiddenWithoutAConnectWiseRequest() {
        FunctionTestResource.secret(FunctionTestResource.credentialsJson(
                ",\"allowedPrincipals\":[\"" + TICKETING + "\"]"));

        Answer refused = LambdaInvoker.invoke(GatewayEvents.iamAuthorized(provision(Map.of()), OTHER_TEAM));

        assertEquals(403, refused.status(), refused.rawBody());
        assertEquals("urn:cw-lifecycle:problem:tenant-forbidden", refused.body().get("type").asText());
        assertTrue(refused.body().get("detail").asText().contains(OTHER_TEAM), refused.rawBody());
        assertEquals(List.of(), simulator.requestLog().all(), "no request reached ConnectWise");
        Answer allowed = LambdaInvoker.invoke(GatewayEvents.iamAuthorized(provision(Map.of()), TICKETING));
        assertEquals(201, allowed.status(), allowed.rawBody());
    }

    @Test
    void aSingleTenantDeploymentTakesAnyAuthorizedCallerWithoutConfiguration() {
        Answer iam = LambdaInvoker.invoke(GatewayEvents.iamAuthorized(provision(Map.of()), OTHER_TEAM));
        Answer jwt = LambdaInvoker.invoke(GatewayEvents.jwtAuthorized(provision(Map.of("CW-Tenant", "default")),
                Map.of("sub", "ticketing-tool")));

        assertEquals(201, iam.status(), iam.rawBody());
        assertEquals(201, jwt.status(), jwt.rawBody());
    }

    private static String provision(Map<String, String> headers) {
        int n = PEOPLE.incrementAndGet();
        return GatewayEvents.post("/members", "/members", Map.of(), headers, """
                {"firstName":"Tess","lastName":"Bound%d","email":"tess.bound%d@acme.example","role":"Technician"}"""
                .formatted(n, n));
    }
}
