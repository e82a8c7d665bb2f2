package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimTenant;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Two tenants on one site, each with its own company, key pair, clientId and codebase (so its own base URL):
 * every request a tenant's client sends carries that tenant's credentials to that tenant's base URL, and the
 * security-role cache is the tenant's own, kept for the configured TTL on the injected clock.
 */
@QuarkusTest
class TenantClientsTest {

    private static final String ACME_CLIENT_ID = "0f1e2d3c-aaaa-bbbb-cccc-000000000001";
    private static final String GLOBEX_CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final Duration ROLE_TTL = Duration.ofMinutes(10);

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site
            .tenant(SimTenant.standard("acme"))
            .tenant(new SimTenant("globex", "pub-globex", "priv-globex", "globexapi"))
            .clientIds(ACME_CLIENT_ID, GLOBEX_CLIENT_ID)
            .seedMembers(3));
    private static ConnectWiseSimulator simulator;
    private static Map<String, ConnectWiseCredentials> tenants;
    private final MovableClock clock = new MovableClock();
    private ConnectWiseClients clients;

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        // acme names the legacy codebase in its secret; globex leaves it to discovery (v2025_1/)
        tenants = Map.of(
                "tenant-acme", new ConnectWiseCredentials(simulator.baseUrl(), "acme", "pub-acme", "priv-acme",
                        ACME_CLIENT_ID, ConnectWiseSimulator.LEGACY_CODEBASE, null),
                "tenant-globex", new ConnectWiseCredentials(simulator.baseUrl(), "globex", "pub-globex",
                        "priv-globex", GLOBEX_CLIENT_ID, null, null));
    }

    @BeforeEach
    void freshClients() {
        CredentialsSource byTenant = new CredentialsSource() {
            @Override
            public ConnectWiseCredentials credentials(String tenant) {
                return tenants.get(tenant);
            }

            @Override
            public ConnectWiseCredentials refresh(String tenant) {
                return tenants.get(tenant);
            }
        };
        clients = new ConnectWiseClients(TestConnectWiseConfig.defaults(), byTenant, clock);
    }

    @Test
    void eachTenantsRequestsGoToItsOwnBaseUrlWithItsOwnCredentials() {
        // WHEN both tenants read members, interleaved
        ConnectWiseClient acme = clients.forTenant("tenant-acme");
        ConnectWiseClient globex = clients.forTenant("tenant-globex");
        acme.countMembers(null);
        globex.countMembers(null);
        acme.member(firstMemberOf("acme"));
        globex.member(firstMemberOf("globex"));

        // THEN each request carries its tenant's company, keys and clientId, under its tenant's codebase
        assertEquals(List.of(
                ConnectWiseSimulator.LEGACY_CODEBASE + " GET /system/members/count acme",
                "- GET /login/companyinfo/globex -",
                "v2025_1/ GET /system/members/count globex",
                ConnectWiseSimulator.LEGACY_CODEBASE + " GET /system/members/" + firstMemberOf("acme") + " acme",
                "v2025_1/ GET /system/members/" + firstMemberOf("globex") + " globex"),
                simulator.requestLog().all().stream().map(TenantClientsTest::describe).toList());
        assertSame(acme, clients.forTenant("tenant-acme"), "one client per tenant");
        assertNotSame(acme, globex);
    }

    @Test
    void theSecurityRoleCacheIsPerTenantAndKeptForItsTtl() {
        ConnectWiseClient acme = clients.forTenant("tenant-acme");
        ConnectWiseClient globex = clients.forTenant("tenant-globex");

        // GIVEN acme's roles are cached
        acme.securityRoles();
        acme.securityRole("Technician").orElseThrow();
        // WHEN globex asks, it fetches its own
        globex.securityRole("technician").orElseThrow();
        assertEquals(List.of("acme", "globex"), roleFetches());

        // WHEN the clock reaches one second before the TTL, nothing is fetched again
        clock.advance(ROLE_TTL.minusSeconds(1));
        acme.securityRoles();
        globex.securityRoles();
        assertEquals(List.of("acme", "globex"), roleFetches());

        // WHEN it reaches the TTL, acme's cache has expired (globex's too, but globex does not ask)
        clock.advance(Duration.ofSeconds(1));
        acme.securityRoles();
        assertEquals(List.of("acme", "globex", "acme"), roleFetches());
    }

    /** The companies whose security roles were fetched, in order, from the Authorization header. */
    private static List<String> roleFetches() {
        return simulator.requestLog().all().stream()
                .filter(request -> request.path().equalsIgnoreCase("/system/securityroles"))
                .map(TenantClientsTest::company)
                .toList();
    }

    /** "codebase METHOD path company", with the company taken from the credentials the request carried. */
    private static String describe(RecordedRequest request) {
        return (request.codebase() == null ? "-" : request.codebase()) + " " + request.method() + " "
                + request.path() + " " + (request.headers().containsKey("authorization") ? company(request) : "-");
    }

    /**
     * The company of the request's Basic credentials, checked against that company's own key pair and clientId,
     * so a request that mixed two tenants' credentials fails the test.
     */
    private static String company(RecordedRequest request) {
        String basic = request.headers().get("authorization").substring("Basic ".length());
        String user = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8);
        String company = user.substring(0, user.indexOf('+'));
        SimTenant expected = simulator.tenant(company);
        assertEquals(company + "+" + expected.publicKey() + ":" + expected.privateKey(), user);
        assertEquals(company.equals("acme") ? ACME_CLIENT_ID : GLOBEX_CLIENT_ID, request.headers().get("clientid"));
        return company;
    }

    private static long firstMemberOf(String company) {
        return simulator.members(company).all().get(0).get("id").asLong();
    }
}
