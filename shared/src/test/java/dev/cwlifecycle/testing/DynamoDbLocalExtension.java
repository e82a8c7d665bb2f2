package dev.cwlifecycle.testing;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * DynamoDB Local, in-process on a random loopback port, started once per JVM with the three tables
 * created through {@link Tables#createAll}. Test classes share it and keep apart by using their own
 * tenant ids; {@link #client()} and {@link #storeConfig()} are ready once {@code beforeAll} ran.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback {

    // DynamoDB Local keeps one database per access key and region: every client here uses the same pair
    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        startOnce();
    }

    /** Starts the server (once per JVM, stopped when the JVM ends) for users outside JUnit's lifecycle. */
    public static synchronized URI startOnce() {
        if (running == null) {
            running = Running.start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stopQuietly));
        }
        return running.endpoint;
    }

    public static DynamoDbClient client() {
        return started().client;
    }

    public static URI endpoint() {
        return started().endpoint;
    }

    /** The store configuration with its defaults, the table names {@link Tables#createAll} used. */
    public static StoreConfig storeConfig() {
        return storeConfig(Map.of());
    }

    /** The store configuration with some {@code cw.*} properties set, e.g. {@code cw.store.directory-page-size}. */
    public static StoreConfig storeConfig(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(StoreConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test"))
                .build()
                .getConfigMapping(StoreConfig.class);
    }

    /** A further client of the same database, e.g. with an interceptor that counts requests; the caller closes it. */
    public static DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return client(started().endpoint, interceptors);
    }

    private static Running started() {
        if (running == null) {
            throw new IllegalStateException("Register @ExtendWith(DynamoDbLocalExtension.class) on the test class");
        }
        return running;
    }

    private static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> Arrays.stream(interceptors).forEach(override::addExecutionInterceptor))
                .build();
    }

    /** The server and its default client, stopped when the JVM ends. */
    private static final class Running {
        private final DynamoDBProxyServer server;
        private final URI endpoint;
        private final DynamoDbClient client;

        private Running(DynamoDBProxyServer server, URI endpoint) {
            this.server = server;
            this.endpoint = endpoint;
            this.client = client(endpoint);
        }

        static Running start() {
            int port = freeLoopbackPort();
            Running running;
            try {
                // createServer: createServerFromCommandLineArgs prints its whole configuration on stdout
                CommandLineInput options = new CommandLineInput(
                        new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
                if (!options.init()) {
                    throw new IllegalArgumentException("DynamoDB Local refused its options");
                }
                DynamoDBProxyServer server = ServerRunner.createServer(options);
                server.start();
                running = new Running(server, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            new Tables(storeConfig()).createAll(running.client);
            return running;
        }

        void stopQuietly() {
            client.close();
            try {
                server.stop();
            } catch (Exception e) {
                // the JVM is ending; nothing is left to clean up
            }
        }

        private static int freeLoopbackPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
