package dev.cwlifecycle.callback;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyUrlPolicyTest {

    private static final String CLOUD_KEY = "https://api-na.myconnectwise.net/v2025_1//system/callbackkey/index.rails"
            + "?companyName=acme&id=5b0c2a47-8f1e-4a55-9d7e-0f6a1c2b3d4e";

    @Test
    void givenACloudSite_whenTheKeyUrlIsOnThatHostOverHttps_thenItIsFetchedAsIs() {
        KeyUrlPolicy policy = KeyUrlPolicy.forSite("api-na.myconnectwise.net");

        assertEquals(Optional.of(URI.create(CLOUD_KEY)), policy.allowed(CLOUD_KEY));
        assertEquals(Optional.of(URI.create(CLOUD_KEY.replace("api-na", "API-NA"))),
                policy.allowed(CLOUD_KEY.replace("api-na", "API-NA")));
    }

    @Test
    void givenACloudSite_whenTheKeyUrlLeavesTheSiteInAnyWay_thenItIsRefused() {
        KeyUrlPolicy policy = KeyUrlPolicy.forSite("api-na.myconnectwise.net");

        List<String> refused = List.of(
                "https://evil.example/key",
                "https://api-na.myconnectwise.net.evil.test/k",
                "https://user@api-na.myconnectwise.net/k",
                "https://api-na.myconnectwise.net@evil.test/k",
                "https://api-na.myconnectwise.net:444/k",
                "https://api-na.myconnectwise.net:443/k",
                "https://api-na.myconnectwise.net:/k",
                "http://api-na.myconnectwise.net/k",
                "https://api-na.myconnectwise.net/k#fragment",
                "https://api-na.myconnectwise.net./k",
                "https://api-eu.myconnectwise.net/k",
                "//api-na.myconnectwise.net/k",
                "/v2025_1//system/callbackkey/index.rails",
                "https:api-na.myconnectwise.net/k",
                "https://api-na.myconnectwise.net\\@evil.test/k",
                "https://api-na%2emyconnectwise.net/k",
                "");

        assertEquals(List.of(), refused.stream().filter(url -> policy.allowed(url).isPresent()).toList());
    }

    @Test
    void givenAnOnPremiseSiteWithAPort_whenTheKeyUrlHasExactlyThatPort_thenOnlyThatIsAllowed() {
        KeyUrlPolicy policy = KeyUrlPolicy.forSite("cw.example.com:8443");

        assertTrue(policy.allowed("https://cw.example.com:8443/v4_6_release/k").isPresent());
        assertFalse(policy.allowed("https://cw.example.com/v4_6_release/k").isPresent());
        assertFalse(policy.allowed("https://cw.example.com:8444/v4_6_release/k").isPresent());
    }

    @Test
    void givenTheLocalSimulator_whenTheKeyUrlIsOnItsLoopbackAddress_thenOnlyExactlyThatIsAllowed() {
        KeyUrlPolicy policy = KeyUrlPolicy.forSite("http://127.0.0.1:8099");

        assertTrue(policy.allowed("http://127.0.0.1:8099/v2025_1//system/callbackkey/index.rails").isPresent());
        assertFalse(policy.allowed("https://127.0.0.1:8099/k").isPresent());
        assertFalse(policy.allowed("http://127.0.0.1:8098/k").isPresent());
        assertFalse(policy.allowed("http://127.0.0.1/k").isPresent());
        assertFalse(policy.allowed("http://localhost:8099/k").isPresent());
    }
}
