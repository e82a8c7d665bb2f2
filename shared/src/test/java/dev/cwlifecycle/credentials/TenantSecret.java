package dev.cwlifecycle.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** A tenant's secret JSON for tests: valid by default, one field changed at a time. */
final class TenantSecret {

    static final String SITE = "api-na.myconnectwise.net";
    static final String COMPANY_ID = "acme";
    static final String PUBLIC_KEY = "pubKq7Rw3zT1nB5";
    static final String PRIVATE_KEY = "prvKx41Lm9Qa2Vd";
    static final String CLIENT_ID = "6b1f0c2a-3d4e-4f50-8a9b-0c1d2e3f4a5b";
    /** Both keys, and a fragment of each: no message, log line or toString may hold any of them. */
    static final List<String> KEY_MATERIAL = List.of(PUBLIC_KEY, PRIVATE_KEY, "pubKq7", "prvKx4");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TenantSecret() {
        fields.put("site", SITE);
        fields.put("companyId", COMPANY_ID);
        fields.put("publicKey", PUBLIC_KEY);
        fields.put("privateKey", PRIVATE_KEY);
        fields.put("clientId", CLIENT_ID);
    }

    static TenantSecret valid() {
        return new TenantSecret();
    }

    /** Sets a field; {@code null} writes JSON null. */
    TenantSecret with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    TenantSecret without(String field) {
        fields.remove(field);
        return this;
    }

    String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ConnectWiseCredentials expected(String codebase) {
        return new ConnectWiseCredentials(SITE, COMPANY_ID, PUBLIC_KEY, PRIVATE_KEY, CLIENT_ID, codebase, null);
    }

    static void assertNoKeyMaterial(String text) {
        for (String key : KEY_MATERIAL) {
            assertFalse(text.contains(key), () -> "key material in: " + text);
        }
    }
}
