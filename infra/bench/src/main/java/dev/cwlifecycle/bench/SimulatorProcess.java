package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ConnectWise simulator ({@code SimulatorMain}) in a child JVM, seeded with {@code members} members of company
 * {@code acme} and answering every API request after {@code latency}: its 100,000 members live in its own heap.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final JavaProcess process;
    private final String baseUrl;

    private SimulatorProcess(JavaProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static SimulatorProcess start(int members, Duration latency) {
        JavaProcess process = JavaProcess.start(JavaProcess.benchLibraries(),
                List.of("-Xmx1g", "-D" + BenchMain.NO_DELAY + "=true"), "dev.cwlifecycle.simulator.SimulatorMain",
                List.of("--port", "0", "--members", Integer.toString(members), "--company", BenchTenants.COMPANY,
                        "--latency-ms", Long.toString(latency.toMillis()), "--seed", "42"), Map.of());
        try {
            Matcher listening = LISTENING.matcher(process.awaitLine(line -> LISTENING.matcher(line).find(),
                    Duration.ofSeconds(60)));
            listening.find();
            return new SimulatorProcess(process, listening.group(1));
        } catch (RuntimeException failure) {
            process.close();
            throw failure;
        }
    }

    /** {@code http://127.0.0.1:PORT}, the site a tenant's credentials name. */
    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        process.close();
    }
}
