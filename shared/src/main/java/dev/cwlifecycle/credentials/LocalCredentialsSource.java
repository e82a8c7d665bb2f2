package dev.cwlifecycle.credentials;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials for runs outside AWS, the same JSON as the secret, from (first match wins) the environment variable
 * {@code <env>_<TENANT>}, then {@code <env>} for the {@code default} tenant, then the file. A name without
 * {@code {tenant}} serves the {@code default} tenant only, so a forgotten tenant fails instead of borrowing
 * another tenant's site. Read on every call: a local edit applies at once.
 */
public final class LocalCredentialsSource implements CredentialsSource {

    public static final String DEFAULT_TENANT = "default";
    private static final Logger LOG = Logger.getLogger(LocalCredentialsSource.class);

    private final Optional<String> filePattern;
    private final String envName;
    private final Map<String, String> env;

    /**
     * @param filePattern a path, {@code {tenant}} standing for the tenant id
     * @param envName     the variable for the {@code default} tenant and prefix of the others
     * @param env         the environment, {@code System.getenv()} outside tests
     */
    public LocalCredentialsSource(Optional<String> filePattern, String envName, Map<String, String> env) {
        this.filePattern = filePattern;
        this.envName = envName;
        this.env = Map.copyOf(env);
    }

    @Override
    public ConnectWiseCredentials credentials(String tenant) {
        TenantId.checked(tenant);
        List<String> variables = variables(tenant);
        for (String variable : variables) {
            String json = env.get(variable);
            if (json != null && !json.isBlank()) {
                return parsed(tenant, "environment variable " + variable, json);
            }
        }
        Optional<Path> file = file(tenant);
        if (file.isPresent()) {
            return parsed(tenant, "file " + file.get(), read(tenant, file.get()));
        }
        throw new SecretNotFoundException(tenant, "No local credentials for tenant '" + tenant + "': set "
                + String.join(" or ", variables) + ", or cw.credentials.local-file"
                + (filePattern.isPresent() ? " with {tenant} in its path" : ""), null);
    }

    /** Same as {@link #credentials(String)}: nothing is cached. */
    @Override
    public ConnectWiseCredentials refresh(String tenant) {
        return credentials(tenant);
    }

    private List<String> variables(String tenant) {
        String own = envName + "_" + tenant.toUpperCase(Locale.ROOT).replace('-', '_');
        return tenant.equals(DEFAULT_TENANT) ? List.of(own, envName) : List.of(own);
    }

    private Optional<Path> file(String tenant) {
        return filePattern
                .filter(pattern -> pattern.contains("{tenant}") || tenant.equals(DEFAULT_TENANT))
                .map(pattern -> Path.of(pattern.replace("{tenant}", tenant)));
    }

    private static ConnectWiseCredentials parsed(String tenant, String origin, String json) {
        ConnectWiseCredentials credentials = SecretParser.parse(tenant, origin, json);
        LOG.debugf("Read credentials for tenant %s from %s", tenant, origin);
        return credentials;
    }

    private static String read(String tenant, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SecretNotFoundException(tenant, "No credentials file " + file + " for tenant '" + tenant + "'",
                    e);
        } catch (AccessDeniedException e) {
            throw new SecretAccessDeniedException(tenant, "May not read credentials file " + file + " for tenant '"
                    + tenant + "'", e);
        } catch (CharacterCodingException e) {
            throw new MalformedSecretException(tenant, "file " + file, "secret", "is not UTF-8 text");
        } catch (IOException e) {
            throw new CredentialsUnavailableException(tenant, "Could not read credentials file " + file
                    + " for tenant '" + tenant + "': " + e.getClass().getSimpleName(), e);
        }
    }
}
