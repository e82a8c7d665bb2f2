package dev.cwlifecycle.credentials;

import java.util.List;

/**
 * One tenant's ConnectWise API credentials, as held in its secret.
 * {@code site} is a host (https implied) or, for loopback only, an {@code http://host:port} URL;
 * {@code codebase} is null when it is to be discovered; {@code apiTokenSha256} (hex) is null when callers
 * are authenticated by API Gateway alone; {@code allowedPrincipals} lists the IAM principal ARNs that may act for
 * the tenant, empty when any principal API Gateway lets in may; {@code scimTokenSha256} (hex) holds the SHA-256 of
 * each bearer token an identity provider's SCIM client may present (two during a rotation), empty when the tenant
 * takes no SCIM requests.
 */
public record ConnectWiseCredentials(String site, String companyId, String publicKey, String privateKey,
                                     String clientId, String codebase, String apiTokenSha256,
                                     List<String> allowedPrincipals, List<String> scimTokenSha256) {

    public ConnectWiseCredentials {
        allowedPrincipals = allowedPrincipals == null ? List.of() : List.copyOf(allowedPrincipals);
        scimTokenSha256 = scimTokenSha256 == null ? List.of() : List.copyOf(scimTokenSha256);
    }

    /** A tenant that takes no SCIM requests. */
    public ConnectWiseCredentials(String site, String companyId, String publicKey, String privateKey, String clientId,
                                  String codebase, String apiTokenSha256, List<String> allowedPrincipals) {
        this(site, companyId, publicKey, privateKey, clientId, codebase, apiTokenSha256, allowedPrincipals, List.of());
    }

    /** A tenant any IAM principal may act for. */
    public ConnectWiseCredentials(String site, String companyId, String publicKey, String privateKey, String clientId,
                                  String codebase, String apiTokenSha256) {
        this(site, companyId, publicKey, privateKey, clientId, codebase, apiTokenSha256, List.of(), List.of());
    }

    @Override
    public String toString() {
        return "ConnectWiseCredentials[site=" + site + ", companyId=" + companyId + ", clientId=" + clientId
                + ", codebase=" + codebase + ", keys=<redacted>]";
    }
}
