package dev.cwlifecycle.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The local stack: {@code cw.local.*} in application.properties (where the ports and intervals are), {@code -D}
 * options or the environment ({@code CW_LOCAL_DYNAMODB=aws}). {@link #connectwise()} and {@link #dynamodb()} are
 * decided by {@link LocalDefaults} unless set.
 */
@ConfigMapping(prefix = "cw.local")
public interface LocalConfig {

    /** Where ConnectWise is: the embedded simulator, or the site the user's credentials name. */
    enum ConnectWise {
        SIMULATOR, SITE
    }

    /** Where the tables are: DynamoDB Local in this process, an endpoint the user gave, or AWS itself. */
    enum DynamoDb {
        EMBEDDED, ENDPOINT, AWS
    }

    ConnectWise connectwise();

    DynamoDb dynamodb();

    /** The tenant the local server, the schedule and the demo work for. */
    @WithDefault("default")
    String tenant();

    int simulatorPort();

    /** The simulated company; its keys are {@code pub-<company>} / {@code priv-<company>}. */
    String company();

    /** Members the simulator is seeded with. */
    int members();

    int dynamodbPort();

    /**
     * Files this run writes, relative to the working directory: {@link LocalDefaults} points the credentials file
     * here before any bean exists.
     */
    String workDir();

    /** The bearer token callers present; a fresh random one per start when not given. */
    Optional<String> token();

    /** The bearer token identity providers present on the SCIM routes; a fresh random one per start when not given. */
    Optional<String> scimToken();

    /** The local callback route as ConnectWise (the simulator) is told to call it. */
    String callbackUrl();

    /** How often the incremental sync runs, e.g. {@code 30s}. */
    Duration syncInterval();

    /** How often the full sync runs, e.g. {@code 10m}. */
    Duration fullSyncInterval();

    /** Run the end-to-end story once everything is up, then exit. */
    @WithDefault("false")
    boolean demo();

    /** How long the demo waits for a callback or a sync to show in the directory. */
    @WithDefault("PT20S")
    Duration demoPatience();
}
