package dev.cwlifecycle.local;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, before any bean exists, what the local stack embeds: the simulator unless the user gave ConnectWise
 * credentials (the {@code CW_CREDENTIALS} variable, {@code cw.credentials.local-file} or Secrets Manager), and
 * DynamoDB Local unless the user named an endpoint, a region or {@code CW_LOCAL_DYNAMODB=aws}. What it embeds it
 * points the clients at, below application.properties and everything the user sets, so the user always wins.
 */
public final class LocalDefaults implements ConfigSourceFactory {

    private static final String NAME = "cw-local embedded defaults";
    private static final int ORDINAL = 200;
    /** Where the simulator's credentials are written, under {@code cw.local.work-dir}. */
    private static final String CREDENTIALS_FILE = "credentials.json";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(defaults(name -> value(context, name)), NAME, ORDINAL));
    }

    /** The properties to add, given a view of everything configured so far ({@code null} when unset). */
    static Map<String, String> defaults(Lookup configured) {
        Map<String, String> defaults = new HashMap<>();
        if (userDynamoDb(configured)) {
            defaults.put("cw.local.dynamodb", configured.value("quarkus.dynamodb.endpoint-override") == null
                    ? "aws" : "endpoint");
        } else {
            defaults.put("cw.local.dynamodb", "embedded");
            defaults.put("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:"
                    + configured.value("cw.local.dynamodb-port"));
            defaults.put("quarkus.dynamodb.aws.region", "us-east-1");
            // DynamoDB Local keeps one database per access key and region; any fixed pair will do
            defaults.put("quarkus.dynamodb.aws.credentials.type", "static");
            defaults.put("quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local");
            defaults.put("quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        }
        if (userCredentials(configured)) {
            defaults.put("cw.local.connectwise", "site");
        } else {
            defaults.put("cw.local.connectwise", "simulator");
            defaults.put("cw.credentials.local-file",
                    Path.of(configured.value("cw.local.work-dir"), CREDENTIALS_FILE).toString());
        }
        return defaults;
    }

    private static boolean userDynamoDb(Lookup configured) {
        return "aws".equalsIgnoreCase(configured.value("cw.local.dynamodb"))
                || configured.value("quarkus.dynamodb.endpoint-override") != null
                || configured.value("quarkus.dynamodb.aws.region") != null;
    }

    private static boolean userCredentials(Lookup configured) {
        if ("secrets-manager".equalsIgnoreCase(configured.value("cw.credentials.source"))
                || configured.value("cw.credentials.local-file") != null) {
            return true;
        }
        String variable = or(configured.value("cw.credentials.local-env"), "CW_CREDENTIALS");
        String tenant = or(configured.value("cw.local.tenant"), "default");
        return configured.value(variable) != null
                || configured.value(variable + "_" + tenant.toUpperCase(Locale.ROOT).replace('-', '_')) != null;
    }

    /**
     * A value set above this source: application.properties, the environment, {@code -D}. Anything lower is a
     * default, like the copy of these very defaults Quarkus keeps from the build.
     */
    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank()
                || value.getConfigSourceOrdinal() <= ORDINAL ? null : value.getValue();
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Reads one configured value, {@code null} when unset or blank. */
    @FunctionalInterface
    interface Lookup {
        String value(String name);
    }
}
