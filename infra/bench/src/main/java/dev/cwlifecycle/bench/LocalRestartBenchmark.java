package dev.cwlifecycle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run-local} started a second time with nothing changed, as a user does after the first run: the script
 * finds its application up to date and starts it. The figure is from the script's start to the banner's last line.
 * The first start, not measured, builds whatever is stale. Each start uses free ports and is stopped like Ctrl-C.
 */
final class LocalRestartBenchmark {

    static final Duration TARGET = Duration.ofSeconds(10);
    static final String BANNER_END = "Ctrl-C stops everything.";
    /** The first start may download and build everything. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private LocalRestartBenchmark() {
    }

    static Duration secondStart(Path repository, Progress progress) {
        toBanner(repository);
        Duration second = toBanner(repository);
        progress.report("./run-local again with nothing changed: banner after %d ms", second.toMillis());
        return second;
    }

    private static Duration toBanner(Path repository) {
        List<String> command = List.of("./run-local",
                "-Dquarkus.http.port=" + DynamoDbLocalProcess.freeLoopbackPort(),
                "-Dcw.local.simulator-port=" + DynamoDbLocalProcess.freeLoopbackPort(),
                "-Dcw.local.dynamodb-port=" + DynamoDbLocalProcess.freeLoopbackPort());
        long started = System.nanoTime();
        Process local;
        try {
            local = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start ./run-local", e);
        }
        CompletableFuture<Void> stuck = CompletableFuture.runAsync(local::destroyForcibly,
                CompletableFuture.delayedExecutor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        try (BufferedReader output = new BufferedReader(new InputStreamReader(local.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.equals(BANNER_END)) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            throw new IllegalStateException("./run-local ended (status " + local.waitFor() + ") before its banner");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ./run-local started", e);
        } finally {
            stuck.cancel(false);
            stop(local);
        }
    }

    /** SIGTERM, as Ctrl-C: the run stops its server, the simulator and DynamoDB Local. */
    private static void stop(Process local) {
        local.destroy();
        try {
            if (!local.waitFor(30, TimeUnit.SECONDS)) {
                local.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
