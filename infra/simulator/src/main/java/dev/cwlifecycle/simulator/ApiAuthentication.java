package dev.cwlifecycle.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * ConnectWise's API authentication: a registered {@code clientId} header (checked first: without it the request
 * is refused whatever the credential) and {@code Authorization: Basic base64(companyId+publicKey:privateKey)}
 * matching the company's current key pair. The company comes from the credential. Messages never repeat keys.
 */
final class ApiAuthentication {

    private final Set<String> clientIds;
    private final Function<String, Optional<Tenant>> tenants;

    /** {@code clientIds} in lower case: GUIDs compare ignoring case. */
    ApiAuthentication(Set<String> clientIds, Function<String, Optional<Tenant>> tenants) {
        this.clientIds = clientIds;
        this.tenants = tenants;
    }

    Tenant authenticate(Map<String, String> headers) {
        String clientId = headers.get("clientid");
        if (clientId == null || clientId.isBlank()) {
            throw ConnectWiseErrors.unauthorized("A clientId header is required. Register your integration at"
                    + " developer.connectwise.com and send its clientId with every request.");
        }
        if (!clientIds.contains(clientId.trim().toLowerCase(Locale.ROOT))) {
            throw ConnectWiseErrors.unauthorized("The clientId is not registered.");
        }
        String authorization = headers.getOrDefault("authorization", "");
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ConnectWiseErrors.unauthorized(
                    "Basic authentication with companyId+publicKey:privateKey is required.");
        }
        String credential;
        try {
            byte[] decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
            credential = new String(decoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int plus = credential.indexOf('+');
        int colon = credential.indexOf(':', Math.max(plus, 0));
        if (plus < 1 || colon < 0) {
            throw invalid();
        }
        String publicKey = credential.substring(plus + 1, colon);
        String privateKey = credential.substring(colon + 1);
        return tenants.apply(credential.substring(0, plus))
                .filter(tenant -> tenant.accepts(publicKey, privateKey))
                .orElseThrow(ApiAuthentication::invalid);
    }

    private static ApiFailure invalid() {
        return ConnectWiseErrors.unauthorized("Authentication failed: the company, public key or private key is not"
                + " valid, or the API member is inactive.");
    }
}
