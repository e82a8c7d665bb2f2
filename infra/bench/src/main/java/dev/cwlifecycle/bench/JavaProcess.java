package dev.cwlifecycle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on this machine's JDK: DynamoDB Local, the simulator or a packaged function, each in its own heap so
 * that none of them is counted in what the bench measures; or a function's native image. Its output is read line
 * by line; it is destroyed when closed, and at the latest when the bench's JVM ends.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final long startedNanos;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private JavaProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(this::pump, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts {@code mainClass} with the bench's own libraries (or {@code classpath}), stderr merged into stdout. */
    static JavaProcess start(String classpath, List<String> jvmOptions, String mainClass, List<String> args,
                             Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return exec(command, environment);
    }

    /** Starts {@code command} as given (a native executable), stderr merged into stdout. */
    static JavaProcess exec(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        try {
            return new JavaProcess(builder.start(), started);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command.get(0), e);
        }
    }

    /** The bench's package, {@code infra/bench/target/quarkus-app}: the bench runs from its {@code quarkus-run.jar}. */
    static Path benchPackage() {
        Path runJar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                .toAbsolutePath();
        Path libraries = runJar.getParent().resolve("lib").resolve("main");
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException("Run the bench from its package (infra/bench/target/quarkus-app); "
                    + libraries + " is missing");
        }
        return runJar.getParent();
    }

    /** The classpath of the bench's own libraries: the simulator, DynamoDB Local and their dependencies. */
    static String benchLibraries() {
        return benchPackage().resolve("lib").resolve("main") + java.io.File.separator + "*";
    }

    /** Waits for the first output line {@code wanted} accepts; fails with the output so far otherwise. */
    String awaitLine(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line;
            try {
                line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for pid " + process.pid(), e);
            }
            if (line == null) {
                throw new IllegalStateException("pid " + process.pid() + " did not print the expected line within "
                        + timeout.toSeconds() + " s (alive: " + process.isAlive() + "); its last output: "
                        + lastOutput());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Time from just before the process was started until now. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Every line printed so far. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory (VmRSS) from {@code /proc}; -1 where there is no {@code /proc}. */
    long residentBytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\D", "")).mapToLong(kb -> Long.parseLong(kb) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended; what it printed is in its output
        }
    }

    private String lastOutput() {
        List<String> all = output();
        return String.join(" | ", all.subList(Math.max(0, all.size() - 20), all.size()));
    }
}
