package dev.cwlifecycle.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.cwlifecycle.credentials.TenantSecret.CLIENT_ID;
import static dev.cwlifecycle.credentials.TenantSecret.COMPANY_ID;
import static dev.cwlifecycle.credentials.TenantSecret.PRIVATE_KEY;
import static dev.cwlifecycle.credentials.TenantSecret.PUBLIC_KEY;
import static dev.cwlifecycle.credentials.TenantSecret.assertNoKeyMaterial;
import static dev.cwlifecycle.credentials.TenantSecret.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretParserTest {

    private static final String ORIGIN = "secret cw-lifecycle/acme";

    static Stream<Arguments> malformedSecrets() {
        String valid = valid().json();
        return Stream.of(
                // name, secret text, field named, problem stated, offending value that must not be echoed
                Arguments.of("not JSON, cut inside a key", valid.substring(0, valid.indexOf(PRIVATE_KEY) + 6),
                        "secret", "is not valid JSON", PRIVATE_KEY.substring(0, 6)),
                Arguments.of("trailing text after the object", valid + " " + PRIVATE_KEY, "secret",
                        "is not valid JSON", PRIVATE_KEY),
                Arguments.of("empty", "  ", "secret", "is empty", null),
                Arguments.of("array", "[\"" + PRIVATE_KEY + "\"]", "secret", "must be a JSON object, not a JSON array",
                        PRIVATE_KEY),
                Arguments.of("site missing", valid().without("site").json(), "site", "is missing", null),
                Arguments.of("companyId blank", valid().with("companyId", "  ").json(), "companyId", "is blank", null),
                Arguments.of("publicKey missing", valid().without("publicKey").json(), "publicKey", "is missing", null),
                Arguments.of("privateKey JSON null", valid().with("privateKey", null).json(), "privateKey",
                        "is missing", null),
                Arguments.of("privateKey a number", valid().with("privateKey", 918273645).json(), "privateKey",
                        "must be a JSON string, not a JSON number", "918273645"),
                Arguments.of("privateKey with a pasted newline", valid().with("privateKey", PRIVATE_KEY + "\n").json(),
                        "privateKey", "must not contain whitespace", null),
                Arguments.of("publicKey with ':'", valid().with("publicKey", PUBLIC_KEY + ":x").json(), "publicKey",
                        "must not contain ':'", null),
                Arguments.of("clientId missing", valid().without("clientId").json(), "clientId", "is missing", null),
                Arguments.of("clientId not a GUID", valid().with("clientId", "acme-integration").json(), "clientId",
                        "must be a GUID", "acme-integration"),
                Arguments.of("companyId with '+'", valid().with("companyId", "acme+" + PUBLIC_KEY).json(), "companyId",
                        "must not contain '+' or ':'", "acme+"),
                Arguments.of("companyId with '/'", valid().with("companyId", "acme/../x").json(), "companyId",
                        "must not contain '/'", "acme/"),
                Arguments.of("site with a path", valid().with("site", "https://api-na.myconnectwise.net/v4_6_release"
                        + "/apis/3.0").json(), "site", "without a path", "v4_6_release"),
                Arguments.of("site with user info holding the keys", valid().with("site", "https://acme+" + PUBLIC_KEY
                        + ":" + PRIVATE_KEY + "@api-na.myconnectwise.net").json(), "site", "user info", "acme+"),
                Arguments.of("site with a space", valid().with("site", "api-na.myconnectwise .net").json(), "site",
                        "whitespace", "myconnectwise .net"),
                Arguments.of("site with an ftp scheme", valid().with("site", "ftp://api-na.myconnectwise.net").json(),
                        "site", "the only schemes allowed", "ftp:"),
                Arguments.of("site on http but not loopback", valid().with("site", "http://cw.example.com").json(),
                        "site", "http:// only for a loopback host", "cw.example.com"),
                Arguments.of("site with a bad port", valid().with("site", "cw.example.com:99999").json(), "site",
                        "port that is not a number from 1 to 65535", "99999"),
                Arguments.of("site with an underscore", valid().with("site", "api_na.example.com").json(), "site",
                        "is not a valid host name", "api_na"),
                Arguments.of("site a JSON object", valid().with("site", Map.of("host", "x")).json(), "site",
                        "must be a JSON string, not a JSON object", null),
                Arguments.of("codebase with a dot", valid().with("codebase", "v2025.1/").json(), "codebase",
                        "must look like v2025_1/", "v2025.1"),
                Arguments.of("apiTokenSha256 too short", valid().with("apiTokenSha256", "abc123").json(),
                        "apiTokenSha256", "must be 64 hex digits", "abc123"),
                Arguments.of("allowedPrincipals a string", valid().with("allowedPrincipals", "arn:aws:iam::1:role/a")
                        .json(), "allowedPrincipals", "must be a JSON array", "role/a"),
                Arguments.of("allowedPrincipals holding a name", valid().with("allowedPrincipals",
                        List.of("ticketing-role")).json(), "allowedPrincipals", "starting with 'arn:'", "ticketing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSecrets")
    void eachMalformedSecretNamesItsFieldAndNeverItsValue(String name, String secret, String field, String problem,
                                                          String offendingValue) {
        // GIVEN a secret with exactly one thing wrong
        // WHEN it is parsed
        MalformedSecretException error = assertThrows(MalformedSecretException.class,
                () -> SecretParser.parse("acme", ORIGIN, secret));

        // THEN the error names the field and the problem, and quotes nothing from the secret
        assertEquals(field, error.field());
        assertTrue(error.problem().contains(problem), error.problem());
        assertEquals(ORIGIN + " for tenant 'acme': " + field + " " + error.problem(), error.getMessage());
        assertNoKeyMaterial(error.getMessage());
        if (offendingValue != null) {
            assertFalse(error.getMessage().contains(offendingValue), error.getMessage());
        }
        assertNull(error.getCause(), "a parser's cause may quote the secret");
        assertEquals("acme", error.tenant());
    }

    @Test
    void validSecretBecomesCredentialsAndUnknownFieldsAreIgnored() {
        ConnectWiseCredentials credentials = SecretParser.parse("acme", ORIGIN,
                valid().with("codebase", "v2025_1/").with("rotatedBy", "ops").json());

        assertEquals(TenantSecret.expected("v2025_1/"), credentials);
        assertNoKeyMaterial(credentials.toString());
    }

    static Stream<Arguments> siteForms() {
        return Stream.of(
                Arguments.of("api-na.myconnectwise.net", "api-na.myconnectwise.net"),
                Arguments.of("https://api-na.myconnectwise.net", "api-na.myconnectwise.net"),
                Arguments.of("HTTPS://API-EU.MyConnectWise.net/", "api-eu.myconnectwise.net"),
                Arguments.of("cw.example.com:8443", "cw.example.com:8443"),
                Arguments.of("http://127.0.0.1:8099", "http://127.0.0.1:8099"),
                Arguments.of("http://localhost:8099/", "http://localhost:8099"),
                Arguments.of("http://[::1]:8099", "http://[::1]:8099"),
                Arguments.of("10.0.0.12", "10.0.0.12"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("siteForms")
    void siteIsReducedToTheHostOrAKeptLoopbackUrl(String site, String expected) {
        assertEquals(expected, SecretParser.parse("acme", ORIGIN, valid().with("site", site).json()).site());
    }

    @Test
    void codebaseGetsItsTrailingSlashAndBlankMeansDiscover() {
        assertEquals("v4_6_release/", parse(valid().with("codebase", "v4_6_release")).codebase());
        assertNull(parse(valid().with("codebase", "")).codebase());
        assertNull(parse(valid().with("codebase", null)).codebase());
        assertNull(parse(valid()).codebase());
    }

    @Test
    void apiTokenHashIsOptionalAndLowerCased() {
        String hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        assertEquals(hash.toLowerCase(Locale.ROOT), parse(valid().with("apiTokenSha256", hash)).apiTokenSha256());
        assertNull(parse(valid()).apiTokenSha256());
    }

    @Test
    void allowedPrincipalsAreOptionalAndKeptExactly() {
        List<String> principals = List.of("arn:aws:iam::123456789012:role/Ticketing",
                "arn:aws:sts::123456789012:assumed-role/Ticketing/jira");
        assertEquals(principals, parse(valid().with("allowedPrincipals", principals)).allowedPrincipals());
        assertEquals(List.of(), parse(valid()).allowedPrincipals());
    }

    @Test
    void keysAndIdsAreKeptExactly() {
        ConnectWiseCredentials credentials = parse(valid());
        assertEquals(COMPANY_ID, credentials.companyId());
        assertEquals(PUBLIC_KEY, credentials.publicKey());
        assertEquals(PRIVATE_KEY, credentials.privateKey());
        assertEquals(CLIENT_ID, credentials.clientId());
    }

    private static ConnectWiseCredentials parse(TenantSecret secret) {
        return SecretParser.parse("acme", ORIGIN, secret.json());
    }
}
