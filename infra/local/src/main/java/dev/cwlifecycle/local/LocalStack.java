package dev.cwlifecycle.local;

import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.credentials.CredentialsConfig;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Brings up what the functions need before the first request and takes it down on shutdown: DynamoDB Local with
 * the tables, the seeded simulator with its credentials file, and the callback registration that makes the
 * simulator call the local callback route. What {@link LocalDefaults} left to the user is not started.
 */
@ApplicationScoped
public class LocalStack {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private final LocalConfig config;
    private final CredentialsConfig credentials;
    private final StoreConfig store;
    private final DynamoDbClient dynamo;
    private final CallbackRegistration callbacks;
    private EmbeddedDynamoDb database;
    private SimulatedSite site;
    private String token;
    private String scimToken;
    private volatile boolean ready;

    @Inject
    public LocalStack(LocalConfig config, CredentialsConfig credentials, StoreConfig store, DynamoDbClient dynamo,
                      CallbackRegistration callbacks) {
        this.config = config;
        this.credentials = credentials;
        this.store = store;
        this.dynamo = dynamo;
        this.callbacks = callbacks;
    }

    /** First among the startup observers: the tables, the site and the credentials exist before anything runs. */
    void start(@Observes @Priority(1) StartupEvent event) {
        PortsInUse.refuseBusy(listeners());
        try {
            if (config.dynamodb() == LocalConfig.DynamoDb.EMBEDDED) {
                database = EmbeddedDynamoDb.start(config.dynamodbPort());
            }
            if (config.dynamodb() != LocalConfig.DynamoDb.AWS) {
                new Tables(store).createAll(dynamo);
            }
            if (config.connectwise() == LocalConfig.ConnectWise.SIMULATOR) {
                site = SimulatedSite.start(config.simulatorPort(), config.company(), config.members());
                token = config.token().orElseGet(() -> randomToken("local-"));
                scimToken = config.scimToken().orElseGet(() -> randomToken("scim-"));
                site.writeCredentials(Path.of(credentials.localFile().orElseThrow()), token, scimToken);
                CallbackRegistration.Registered registered = callbacks.register(config.tenant(), config.callbackUrl());
                LOG.infof("callback %d %s for %s", registered.entry().id(), registered.created() ? "registered"
                        : "already registered", config.callbackUrl());
            }
            ready = true;
        } catch (RuntimeException failure) {
            stop(null);
            throw failure;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        ready = false;
        if (site != null) {
            site.close();
            site = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** What this run listens on: the local API ({@link LocalGateway}) and what it embeds. */
    private List<PortsInUse.Listener> listeners() {
        List<PortsInUse.Listener> listeners = new ArrayList<>();
        listeners.add(new PortsInUse.Listener(httpPortProperty(), httpPort()));
        if (config.dynamodb() == LocalConfig.DynamoDb.EMBEDDED) {
            listeners.add(new PortsInUse.Listener("cw.local.dynamodb-port", config.dynamodbPort()));
        }
        if (config.connectwise() == LocalConfig.ConnectWise.SIMULATOR) {
            listeners.add(new PortsInUse.Listener("cw.local.simulator-port", config.simulatorPort()));
        }
        return listeners;
    }

    /** The local API's port: quarkus.http.port, or quarkus.http.test-port when tests run the same stack. */
    static int httpPort() {
        return ConfigProvider.getConfig().getValue(httpPortProperty(), Integer.class);
    }

    private static String httpPortProperty() {
        return LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
    }

    /** True once everything is up, until shutdown begins. */
    public boolean ready() {
        return ready;
    }

    /** The simulator, when this run embeds one. */
    public Optional<ConnectWiseSimulator> simulator() {
        return Optional.ofNullable(site).map(SimulatedSite::simulator);
    }

    /** The bearer token for local callers, when this run made the credentials (simulator mode). */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The SCIM bearer token for local identity-provider calls, when this run made the credentials. */
    public Optional<String> scimToken() {
        return Optional.ofNullable(scimToken);
    }

    private static String randomToken(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
