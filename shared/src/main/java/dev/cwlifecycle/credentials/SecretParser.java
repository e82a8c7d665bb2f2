package dev.cwlifecycle.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a tenant's secret JSON {@code {site, companyId, publicKey, privateKey, clientId, codebase?, apiTokenSha256?,
 * allowedPrincipals?, scimTokenSha256?}}
 * into {@link ConnectWiseCredentials}, or fails naming the field and the problem. No message ever quotes a value:
 * a value in the wrong field may be a key.
 */
final class SecretParser {

    // No source snippets in parser errors: they would quote the secret.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern CLIENT_ID =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final Pattern CODEBASE = Pattern.compile("[A-Za-z0-9_]+/?");
    private static final Pattern SHA256_HEX = Pattern.compile("\\p{XDigit}{64}");

    private final String tenant;
    private final String origin;

    private SecretParser(String tenant, String origin) {
        this.tenant = tenant;
        this.origin = origin;
    }

    /**
     * @param origin where the text came from, for messages: {@code secret cw-lifecycle/acme}, {@code file …}
     */
    static ConnectWiseCredentials parse(String tenant, String origin, String text) {
        return new SecretParser(tenant, origin).parse(text);
    }

    private ConnectWiseCredentials parse(String text) {
        JsonNode root = document(text);
        String site = site(required(root, "site"));
        String companyId = companyId(required(root, "companyId"));
        String publicKey = publicKey(required(root, "publicKey"));
        String privateKey = noWhitespace("privateKey", required(root, "privateKey"));
        String clientId = clientId(required(root, "clientId"));
        String codebase = codebase(optional(root, "codebase"));
        String apiTokenSha256 = apiTokenSha256(optional(root, "apiTokenSha256"));
        return new ConnectWiseCredentials(site, companyId, publicKey, privateKey, clientId, codebase, apiTokenSha256,
                allowedPrincipals(root.get("allowedPrincipals")), scimTokenSha256(root.get("scimTokenSha256")));
    }

    private JsonNode document(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("secret", "is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw malformed("secret", "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!root.isObject()) {
            throw malformed("secret", "must be a JSON object, not " + kind(root));
        }
        return root;
    }

    private String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value == null) {
            throw malformed(field, root.hasNonNull(field) ? "is blank" : "is missing");
        }
        return value;
    }

    /** The field's text, or null when absent, JSON null or blank. */
    private String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw malformed(field, "must be a JSON string, not " + kind(node));
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }

    private String site(String site) {
        try {
            return SiteName.normalise(site);
        } catch (IllegalArgumentException e) {
            throw malformed("site", e.getMessage());
        }
    }

    private String companyId(String companyId) {
        noWhitespace("companyId", companyId);
        if (companyId.contains("+") || companyId.contains(":")) {
            throw malformed("companyId", "must not contain '+' or ':' (they delimit the Basic credential)");
        }
        if (companyId.contains("/") || companyId.contains("?") || companyId.contains("#")) {
            throw malformed("companyId", "must not contain '/', '?' or '#' (it is part of a URL path)");
        }
        return companyId;
    }

    private String publicKey(String publicKey) {
        noWhitespace("publicKey", publicKey);
        if (publicKey.contains(":")) {
            throw malformed("publicKey", "must not contain ':' (it ends the user part of the Basic credential)");
        }
        return publicKey;
    }

    private String clientId(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw malformed("clientId", "must be a GUID (8-4-4-4-12 hex digits)");
        }
        return clientId;
    }

    private String codebase(String codebase) {
        if (codebase == null) {
            return null;
        }
        if (!CODEBASE.matcher(codebase).matches()) {
            throw malformed("codebase", "must look like v2025_1/ or v4_6_release/ (letters, digits, underscores, '/')");
        }
        return codebase.endsWith("/") ? codebase : codebase + "/";
    }

    private String apiTokenSha256(String hash) {
        if (hash == null) {
            return null;
        }
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw malformed("apiTokenSha256", "must be 64 hex digits (the SHA-256 of the API token)");
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    /** One hash or a list of them (a token being rotated in beside the one in use). */
    private List<String> scimTokenSha256(JsonNode hashes) {
        if (hashes == null || hashes.isNull()) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (JsonNode hash : hashes.isArray() ? hashes : List.of(hashes)) {
            if (!hash.isTextual() || !SHA256_HEX.matcher(hash.textValue()).matches()) {
                throw malformed("scimTokenSha256", "must be 64 hex digits (the SHA-256 of a SCIM bearer token) or "
                        + "a JSON array of them");
            }
            all.add(hash.textValue().toLowerCase(Locale.ROOT));
        }
        return all;
    }

    /** IAM principal ARNs, exactly as API Gateway reports the caller's ({@code userArn}). */
    private List<String> allowedPrincipals(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw malformed("allowedPrincipals", "must be a JSON array of IAM principal ARNs, not " + kind(list));
        }
        List<String> principals = new ArrayList<>();
        for (JsonNode principal : list) {
            if (!principal.isTextual() || !principal.textValue().startsWith("arn:")
                    || principal.textValue().chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw malformed("allowedPrincipals", "must hold IAM principal ARNs (strings starting with 'arn:', "
                        + "without whitespace)");
            }
            principals.add(principal.textValue());
        }
        return principals;
    }

    private String noWhitespace(String field, String value) {
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw malformed(field, "must not contain whitespace or control characters");
        }
        return value;
    }

    private static String kind(JsonNode node) {
        return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private MalformedSecretException malformed(String field, String problem) {
        return new MalformedSecretException(tenant, origin, field, problem);
    }
}
