package dev.cwlifecycle.local;

import dev.cwlifecycle.credentials.CredentialsConfig;
import dev.cwlifecycle.credentials.CredentialsException;
import dev.cwlifecycle.credentials.CredentialsSource;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.StoreConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./run-local}: prints where everything is and serves until Ctrl-C; with {@code cw.local.demo=true} it tells
 * the demo story instead and exits 0 when every step showed, 1 when one did not.
 */
@QuarkusMain
public class LocalMain implements QuarkusApplication {

    private final LocalStack stack;
    private final LocalConfig config;
    private final CredentialsConfig credentialsConfig;
    private final CredentialsSource credentials;
    private final StoreConfig store;
    private final MemberDirectory directory;
    private final int httpPort;
    private final Optional<String> dynamoDbEndpoint;

    @Inject
    public LocalMain(LocalStack stack, LocalConfig config, CredentialsConfig credentialsConfig,
                     CredentialsSource credentials, StoreConfig store, MemberDirectory directory,
                     @ConfigProperty(name = "quarkus.http.port") int httpPort,
                     @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<String> dynamoDbEndpoint) {
        this.stack = stack;
        this.config = config;
        this.credentialsConfig = credentialsConfig;
        this.credentials = credentials;
        this.store = store;
        this.directory = directory;
        this.httpPort = httpPort;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
    }

    @Override
    public int run(String... args) {
        String api = "http://127.0.0.1:" + httpPort;
        System.out.println(banner(api).render());
        if (!config.demo()) {
            Quarkus.waitForExit();
            return 0;
        }
        if (stack.simulator().isEmpty() || stack.token().isEmpty() || stack.scimToken().isEmpty()) {
            System.out.println("The demo changes a member behind ConnectWise's back, so it runs against the simulator "
                    + "only: start it without ConnectWise credentials.");
            return 2;
        }
        try {
            new DemoStory(URI.create(api), stack.token().get(), stack.scimToken().get(), config.tenant(),
                    stack.simulator().get(), config.company(), directory, config.demoPatience(), config.syncInterval(),
                    System.out).run();
            return 0;
        } catch (DemoStory.StepFailed failed) {
            System.out.println("DEMO FAILED: " + failed.getMessage());
            return 1;
        }
    }

    private LocalBanner banner(String api) {
        String connectwise = stack.simulator().map(ConnectWiseSimulator::baseUrl)
                .map(url -> "simulator " + url + " (company " + config.company() + ", " + config.members()
                        + " members seeded)")
                .orElseGet(() -> "the site in your credentials: " + site());
        String dynamodb = switch (config.dynamodb()) {
            case EMBEDDED -> "DynamoDB Local, in memory, " + dynamoDbEndpoint.orElse("?") + " (tables created)";
            case ENDPOINT -> dynamoDbEndpoint.orElse("?") + " (missing tables created)";
            case AWS -> "AWS, region and credentials from the AWS default chain (tables must exist)";
        };
        String callback = stack.simulator().isPresent()
                ? "registered with the simulator: " + config.callbackUrl()
                : "not registered: a real ConnectWise site cannot reach 127.0.0.1";
        String credentialsFrom = switch (credentialsConfig.source()) {
            case SECRETS_MANAGER -> "Secrets Manager, secret " + credentialsConfig.secretNamePattern();
            case LOCAL -> System.getenv(credentialsConfig.localEnv()) != null || credentialsConfig.localFile().isEmpty()
                    ? "environment variable " + credentialsConfig.localEnv()
                    : "file " + credentialsConfig.localFile().get();
        } + " (tenant " + config.tenant() + ")";
        return new LocalBanner(api, connectwise, dynamodb,
                String.join(", ", store.idempotencyTable(), store.syncStateTable(), store.directoryTable()),
                "incremental every " + readable(config.syncInterval()) + ", full every "
                        + readable(config.fullSyncInterval()) + " (tenant " + config.tenant() + ")",
                callback, credentialsFrom, stack.token(), stack.scimToken(), api + "/scim/" + config.tenant() + "/v2",
                stack.simulator().isPresent() ? config.company().toLowerCase(Locale.ROOT) + ".example" : "example.com",
                config.demo());
    }

    private static String readable(Duration interval) {
        return interval.toSeconds() < 120 ? interval.toSeconds() + " s" : interval.toMinutes() + " min";
    }

    /** The site is not a secret; the keys beside it are never printed. */
    private String site() {
        try {
            return credentials.credentials(config.tenant()).site();
        } catch (CredentialsException unreadable) {
            return "unreadable (" + unreadable.getMessage() + ")";
        }
    }
}
