package dev.cwlifecycle.bench;

import dev.cwlifecycle.bench.chaos.ChaosRun;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.Tables;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./run-bench} and {@code ./run-chaos}. DynamoDB Local starts in a child JVM before Quarkus, so that the
 * functions' DynamoDB client (built by the same extension as in Lambda) is pointed at it; tenants' credentials come
 * from the local source, one file per tenant, written as each run points a tenant at a simulator.
 */
@QuarkusMain
public class BenchMain implements QuarkusApplication {

    /** TCP_NODELAY for the JDK's HTTP server (the simulator, the callback endpoint); read when it first starts. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    @Inject
    DynamoDbClient dynamo;
    @Inject
    StoreConfig storeConfig;
    @Inject
    Benchmarks benchmarks;
    @Inject
    ChaosRun chaos;
    @Inject
    NativeCheck nativeCheck;

    public static void main(String... args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        // as production HTTP servers do: without it every simulated request waits ~40 ms on Nagle and delayed ACKs
        System.setProperty(NO_DELAY, "true");
        Path target = JavaProcess.benchPackage().getParent();
        try (DynamoDbLocalProcess dynamoDbLocal = DynamoDbLocalProcess.start()) {
            // the simulators' keys, one file per tenant, kept with the build output
            Path credentials = Files.createDirectories(target.resolve("credentials"));
            System.setProperty("quarkus.dynamodb.endpoint-override", dynamoDbLocal.endpoint());
            System.setProperty("cw.credentials.local-file", credentials.resolve("{tenant}.json").toString());
            System.setProperty("quarkus.log.file.path",
                    target.resolve(options.command().name().toLowerCase(Locale.ROOT) + ".log").toString());
            if (options.command() == BenchOptions.Command.CHAOS) {
                ChaosRun.clientSettings().forEach(System::setProperty);
            }
            Quarkus.run(BenchMain.class, (status, failure) -> {
                if (failure != null) {
                    failure.printStackTrace();
                }
                dynamoDbLocal.close();
                System.exit(status);
            }, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int run(String... args) {
        BenchOptions options = BenchOptions.parse(List.of(args));
        new Tables(storeConfig).createAll(dynamo);
        return switch (options.command()) {
            case BENCH -> benchmarks.run(options.quick(), options.nativeImages(), Path.of("").toAbsolutePath());
            case CHAOS -> chaos.run(options.operations(), options.seed());
            case NATIVE_CHECK -> nativeCheck.run(Path.of("").toAbsolutePath(), options.functions());
        };
    }
}
