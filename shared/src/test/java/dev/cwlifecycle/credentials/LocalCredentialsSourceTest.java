package dev.cwlifecycle.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static dev.cwlifecycle.credentials.TenantSecret.assertNoKeyMaterial;
import static dev.cwlifecycle.credentials.TenantSecret.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalCredentialsSourceTest {

    @TempDir
    Path dir;

    @Test
    void defaultTenantReadsTheUnsuffixedVariable() {
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.empty(), "CW_CREDENTIALS",
                Map.of("CW_CREDENTIALS", valid().json()));

        assertEquals(TenantSecret.expected(null), source.credentials("default"));
    }

    @Test
    void tenantVariableWinsAndTheUnsuffixedOneServesNoOtherTenant() {
        // GIVEN the default tenant's JSON and one for tenant acme-eu
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.empty(), "CW_CREDENTIALS", Map.of(
                "CW_CREDENTIALS", valid().json(),
                "CW_CREDENTIALS_ACME_EU", valid().with("site", "api-eu.myconnectwise.net").json()));

        // WHEN each tenant asks, THEN each gets its own site
        assertEquals("api-eu.myconnectwise.net", source.credentials("acme-eu").site());
        assertEquals("api-na.myconnectwise.net", source.credentials("default").site());

        // AND a tenant nobody configured fails instead of borrowing the default tenant's site
        SecretNotFoundException error = assertThrows(SecretNotFoundException.class, () -> source.credentials("beta"));
        assertEquals("No local credentials for tenant 'beta': set CW_CREDENTIALS_BETA, or cw.credentials.local-file",
                error.getMessage());
    }

    @Test
    void fileWithTenantInItsPathServesEachTenantAndReadsEditsAtOnce() throws IOException {
        // GIVEN a file per tenant
        Path acme = Files.writeString(dir.resolve("acme.json"), valid().json());
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.of(dir + "/{tenant}.json"),
                "CW_CREDENTIALS", Map.of());
        assertEquals(TenantSecret.expected(null), source.credentials("acme"));

        // WHEN the file is edited, THEN the next read sees it: nothing is cached locally
        Files.writeString(acme, valid().with("codebase", "v2025_1").json());
        assertEquals(TenantSecret.expected("v2025_1/"), source.refresh("acme"));

        // AND a tenant without a file is not found, naming the file
        SecretNotFoundException error = assertThrows(SecretNotFoundException.class, () -> source.credentials("beta"));
        assertEquals("No credentials file " + dir.resolve("beta.json") + " for tenant 'beta'", error.getMessage());
    }

    @Test
    void fileWithoutTenantInItsPathServesTheDefaultTenantOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("credentials.json"), valid().json());
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.of(file.toString()), "CW_CREDENTIALS",
                Map.of());

        assertEquals(TenantSecret.expected(null), source.credentials("default"));
        SecretNotFoundException error = assertThrows(SecretNotFoundException.class, () -> source.credentials("acme"));
        assertEquals("No local credentials for tenant 'acme': set CW_CREDENTIALS_ACME, or cw.credentials.local-file "
                + "with {tenant} in its path", error.getMessage());
    }

    @Test
    void malformedFileNamesTheFileAndFieldButNoKey() throws IOException {
        Path file = Files.writeString(dir.resolve("default.json"),
                valid().with("clientId", TenantSecret.PRIVATE_KEY).json());
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.of(dir + "/{tenant}.json"),
                "CW_CREDENTIALS", Map.of());

        MalformedSecretException error = assertThrows(MalformedSecretException.class,
                () -> source.credentials("default"));
        assertEquals("file " + file + " for tenant 'default': clientId must be a GUID (8-4-4-4-12 hex digits)",
                error.getMessage());
        assertNoKeyMaterial(error.getMessage());
    }

    @Test
    void malformedVariableNamesTheVariable() {
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.empty(), "CW_CREDENTIALS",
                Map.of("CW_CREDENTIALS_ACME", valid().without("companyId").json()));

        MalformedSecretException error = assertThrows(MalformedSecretException.class,
                () -> source.credentials("acme"));
        assertEquals("environment variable CW_CREDENTIALS_ACME for tenant 'acme': companyId is missing",
                error.getMessage());
    }

    @Test
    void tenantThatWouldLeaveTheFolderIsRefused() {
        LocalCredentialsSource source = new LocalCredentialsSource(Optional.of(dir + "/{tenant}.json"),
                "CW_CREDENTIALS", Map.of());

        assertThrows(IllegalArgumentException.class, () -> source.credentials("../secrets"));
    }
}
