package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteAccessTest {

    private static ConnectWiseSimulator simulator;
    private static ApiSession acme;

    @BeforeAll
    static void start() {
        simulator = ConnectWiseSimulator.builder()
                .tenant(SimTenant.standard("acme"))
                .tenant(new SimTenant("globex", "pub-globex", "priv-globex", "globexapi").asReadOnly())
                .tenant(SimTenant.standard("rotating"))
                .clientIds(ConnectWiseSimulator.DEFAULT_CLIENT_ID, "11111111-2222-3333-4444-555555555555")
                .seedMembers(5)
                .start();
        acme = ApiSession.acme(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void companyInfoDiscoversTheCodebaseWithoutAuthAndAnswersNullForAnUnknownCompany() {
        HttpResponse<String> known = ApiSession.raw("GET", simulator.baseUrl() + "/login/companyinfo/acme", null);
        HttpResponse<String> unknown = ApiSession.raw("GET", simulator.baseUrl() + "/login/companyinfo/nobody", null);

        assertEquals(200, known.statusCode());
        assertEquals("{\"CompanyName\":\"Acme\",\"Codebase\":\"v2025_1/\",\"VersionCode\":\"v2025.1\","
                + "\"CompanyID\":\"acme\",\"IsCloud\":\"True\"}", known.body());
        assertEquals(200, unknown.statusCode());
        assertEquals("null", unknown.body());
    }

    @ParameterizedTest(name = "Accept: {0} → 400")
    @CsvSource(delimiter = '|', value = {
            "application/vnd.connectwise.com+json; version=1999.9 | The API version '1999.9' is not supported.",
            "application/vnd.connectwise.com+json; version=2031.1 | The API version '2031.1' is not supported.",
            "application/vnd.connectwise.com+json; version=latest | The API version 'latest' is not valid: use a"
                    + " version such as 2025.8."})
    void anUnknownOrMalformedApiVersionIsRefusedWithConnectWisesBody(String accept, String message) {
        HttpResponse<String> refused = acme.get("/system/members/count", "Accept", accept);

        assertEquals(400, refused.statusCode());
        assertEquals("{\"code\":\"InvalidVersion\",\"message\":\"" + message + "\"}", refused.body());
    }

    @ParameterizedTest(name = "Accept: {0} → the newest model")
    @ValueSource(strings = {"", "application/json", "text/html", "application/vnd.connectwise.com+json",
            "application/vnd.connectwise.com+json; version=2019.3", "*/*; VERSION=\"2025.8\""})
    void anAbsentVersionGetsTheNewestModelAndAKnownOneIsServed(String accept) {
        HttpResponse<String> served = acme.get("/system/members/count", "Accept", accept.isEmpty() ? null : accept);

        assertEquals(200, served.statusCode(), served.body());
    }

    @Test
    void aWrongPrivateKeyIsRefusedWithAConnectWiseBodyThatNeverEchoesTheKey() {
        HttpResponse<String> refused = ApiSession.as(simulator, "acme", "pub-acme", "wrong-private")
                .get("/system/members");

        assertEquals(401, refused.statusCode());
        assertEquals("Unauthorized", ApiSession.json(refused).get("code").asText());
        assertFalse(refused.body().contains("wrong-private"));
        assertTrue(refused.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        assertTrue(refused.headers().firstValue("date").isPresent());
    }

    @Test
    void aMissingClientIdIsRefusedEvenWithAValidCredentialAndSaysSo() {
        HttpResponse<String> missing = acme.withClientId(null).get("/system/members");
        HttpResponse<String> unregistered = acme.withClientId("99999999-0000-0000-0000-000000000000")
                .get("/system/members");
        HttpResponse<String> second = acme.withClientId("11111111-2222-3333-4444-555555555555").get("/system/members");

        assertEquals(401, missing.statusCode());
        assertTrue(ApiSession.json(missing).get("message").asText().contains("clientId"), missing.body());
        assertEquals(401, unregistered.statusCode());
        assertEquals(200, second.statusCode());
    }

    @Test
    void theCompanyComesFromTheCredential() {
        JsonNode globexMembers = ApiSession.json(
                ApiSession.as(simulator, "globex", "pub-globex", "priv-globex").get("/system/members/count"));
        HttpResponse<String> crossed = ApiSession.as(simulator, "globex", "pub-acme", "priv-acme").get("/system/members");

        assertEquals(5, globexMembers.get("count").asInt());
        assertEquals(401, crossed.statusCode());
    }

    @Test
    void aReadOnlyKeyPairReadsButItsWritesAreForbidden() {
        ApiSession globex = ApiSession.as(simulator, "globex", "pub-globex", "priv-globex");

        HttpResponse<String> write = globex.post("/system/members", MemberFixtures.newMember("readonly1"));

        assertEquals(200, globex.get("/system/members").statusCode());
        assertEquals(403, write.statusCode());
        assertEquals("Forbidden", ApiSession.json(write).get("code").asText());
        assertEquals(5, simulator.members("globex").size());
    }

    @Test
    void afterAKeyRotationOnlyTheNewPairIsAccepted() {
        ApiSession old = ApiSession.as(simulator, "rotating", "pub-rotating", "priv-rotating");
        assertEquals(200, old.get("/system/members").statusCode());

        simulator.rotateKeys("rotating", "pub-new", "priv-new");

        assertEquals(401, old.get("/system/members").statusCode());
        assertEquals(200, ApiSession.as(simulator, "rotating", "pub-new", "priv-new").get("/system/members").statusCode());
        assertEquals("pub-new", simulator.tenant("rotating").publicKey());
        assertFalse(simulator.tenant("rotating").toString().contains("priv-new"));
    }

    @Test
    void afterACodebaseUpgradeTheOldPathIs404ButTheLegacyCodebaseKeepsWorking() {
        String oldBase = simulator.apiBase();
        simulator.requestLog().clear();
        String[] auth = {"Authorization", ApiSession.basic("acme+pub-acme:priv-acme"),
                "clientId", ConnectWiseSimulator.DEFAULT_CLIENT_ID};
        simulator.upgradeCodebase("v2025_2/");
        try {
            HttpResponse<String> stale = ApiSession.raw("GET", oldBase + "/system/members", null, auth);
            HttpResponse<String> legacy = ApiSession.raw("GET",
                    simulator.baseUrl() + "/v4_6_release/apis/3.0/system/members", null, auth);
            HttpResponse<String> current = acme.get("/system/members");
            HttpResponse<String> info = ApiSession.raw("GET", simulator.baseUrl() + "/login/companyinfo/acme", null);

            assertEquals(404, stale.statusCode());
            assertEquals("{\"code\":\"ConnectWiseApi\",\"message\":\"The endpoint does not exist.\"}", stale.body());
            assertEquals(200, legacy.statusCode());
            assertEquals(200, current.statusCode());
            assertEquals("v2025_2/", ApiSession.json(info).get("Codebase").asText());
            assertEquals(Arrays.asList("v2025_1/", "v4_6_release/", "v2025_2/", null),
                    simulator.requestLog().all().stream().map(RecordedRequest::codebase).toList(),
                    "the request log names the codebase each request was sent under");
        } finally {
            simulator.upgradeCodebase("v2025_1/");
        }
    }

    @Test
    void unknownRoutesAre404AndRoutesMatchIgnoringCase() {
        HttpResponse<String> unknown = acme.get("/system/nothingHere");
        HttpResponse<String> camel = acme.get("/system/securityRoles");
        HttpResponse<String> upper = acme.get("/SYSTEM/MEMBERS/COUNT");

        assertEquals(404, unknown.statusCode());
        assertEquals("ConnectWiseApi", ApiSession.json(unknown).get("code").asText());
        assertEquals(200, camel.statusCode());
        assertEquals(200, upper.statusCode());
    }

    @Test
    void aMethodARouteDoesNotHaveIs405AndABodyNotDeclaredAsJsonIs415() {
        HttpResponse<String> deleteRole = acme.delete("/system/securityroles/2");
        HttpResponse<String> form = acme.send("POST", "/system/members", "identifier=x",
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(405, deleteRole.statusCode());
        assertEquals(415, form.statusCode());
    }

    @Test
    void aUrlOverTheLengthLimitIs414() {
        HttpResponse<String> tooLong = acme.get("/system/members?conditions=" + "a".repeat(2100));

        assertEquals(414, tooLong.statusCode());
    }
}
