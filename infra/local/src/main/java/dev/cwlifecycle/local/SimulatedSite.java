package dev.cwlifecycle.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.gateway.BearerToken;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.SimTenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ConnectWise simulator, seeded with a company, and the credentials file that points the functions at it, in
 * the same JSON a tenant's secret holds (with the SHA-256 of the local bearer token and of the local SCIM token).
 */
final class SimulatedSite implements AutoCloseable {

    private final ConnectWiseSimulator simulator;
    private final String company;

    private SimulatedSite(ConnectWiseSimulator simulator, String company) {
        this.simulator = simulator;
        this.company = company;
    }

    static SimulatedSite start(int port, String company, int members) {
        try {
            return new SimulatedSite(ConnectWiseSimulator.builder().port(port).tenant(SimTenant.standard(company))
                    .seedMembers(members).start(), company);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("The ConnectWise simulator did not start on port " + port + " (is it in "
                    + "use? set cw.local.simulator-port)", e);
        }
    }

    ConnectWiseSimulator simulator() {
        return simulator;
    }

    /** Writes the tenant secret JSON for this site, readable by the owner only (it holds the API keys). */
    void writeCredentials(Path file, String token, String scimToken) {
        SimTenant keys = simulator.tenant(company);
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("site", simulator.baseUrl());
        secret.put("companyId", keys.companyId());
        secret.put("publicKey", keys.publicKey());
        secret.put("privateKey", keys.privateKey());
        secret.put("clientId", ConnectWiseSimulator.DEFAULT_CLIENT_ID);
        secret.put("apiTokenSha256", HexFormat.of().formatHex(BearerToken.sha256(token)));
        secret.put("scimTokenSha256", List.of(HexFormat.of().formatHex(BearerToken.sha256(scimToken))));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, ConnectWiseJson.MAPPER.writeValueAsString(secret));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The credentials JSON could not be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the simulator's credentials to " + file, e);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
