package dev.cwlifecycle.bench;

import dev.cwlifecycle.gateway.BearerToken;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.SimTenant;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The bench's tenants: each run gets a fresh tenant id (its own directory rows, watermark and idempotency keys in
 * the shared DynamoDB Local) whose credentials, in the local credentials source's file, name a simulator's site.
 * The local source reads the file on every call, so a tenant can be pointed at a simulator after start-up.
 */
@ApplicationScoped
public class BenchTenants {

    /** The simulator company every bench tenant uses (keys {@code pub-acme} / {@code priv-acme}). */
    public static final String COMPANY = "acme";
    /** The bearer token bench callers present; only its SHA-256 is in the credentials. */
    static final String TOKEN = "bench-token-7d41";
    /** The bearer token the bench's identity provider presents to the SCIM routes; only its SHA-256 is kept. */
    static final String SCIM_TOKEN = "bench-scim-token-52e0";

    private final String filePattern;

    public BenchTenants(@ConfigProperty(name = "cw.credentials.local-file") String filePattern) {
        this.filePattern = filePattern;
    }

    /** Writes {@code tenant}'s credentials for the simulator at {@code siteBaseUrl} ({@code http://127.0.0.1:PORT}). */
    public void point(String tenant, String siteBaseUrl) {
        SimTenant keys = SimTenant.standard(COMPANY);
        String json = """
                {"site":"%s","companyId":"%s","publicKey":"%s","privateKey":"%s","clientId":"%s","apiTokenSha256":"%s",
                 "scimTokenSha256":["%s"]}
                """.formatted(siteBaseUrl, keys.companyId(), keys.publicKey(), keys.privateKey(),
                ConnectWiseSimulator.DEFAULT_CLIENT_ID, sha256(TOKEN), sha256(SCIM_TOKEN));
        try {
            Path file = Path.of(filePattern.replace("{tenant}", tenant));
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String token) {
        return HexFormat.of().formatHex(BearerToken.sha256(token));
    }

    static String authorization() {
        return "Bearer " + TOKEN;
    }
}
