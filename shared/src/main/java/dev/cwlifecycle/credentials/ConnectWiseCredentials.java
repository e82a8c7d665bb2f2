package dev.cwlifecycle.credentials;

/**
 * One tenant's ConnectWise API credentials, as held in its secret.
 * {@code site} is a host (https implied) or, for loopback only, an {@code http://host:port} URL;
 * {@code codebase} is null when it is to be discovered; {@code apiTokenSha256} (hex) is null when callers
 * are authenticated by API Gateway alone.
 */
public record ConnectWiseCredentials(String site, String companyId, String publicKey, String privateKey,
                                     String clientId, String codebase, String apiTokenSha256) {

    @Override
    public String toString() {
        return "ConnectWiseCredentials[site=" + site + ", companyId=" + companyId + ", clientId=" + clientId
                + ", codebase=" + codebase + ", keys=<redacted>]";
    }
}
