package dev.cwlifecycle.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code --port 8099 --members 500 --company acme --latency-ms 0 --seed 42}.
 * Prints the base URL and the credentials JSON a client needs, then serves until Ctrl-C.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        String company = options.getOrDefault("company", "acme");
        ConnectWiseSimulator simulator = ConnectWiseSimulator.builder()
                .port(Integer.parseInt(options.getOrDefault("port", "8099")))
                .tenant(SimTenant.standard(company))
                .seedMembers(Integer.parseInt(options.getOrDefault("members", "500")))
                .latency(Duration.ofMillis(Long.parseLong(options.getOrDefault("latency-ms", "0"))))
                .randomSeed(Long.parseLong(options.getOrDefault("seed", "42")))
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "cw-sim-shutdown"));
        SimTenant keys = simulator.tenant(company);
        System.out.println("ConnectWise simulator listening on " + simulator.baseUrl() + " (API base "
                + simulator.apiBase() + ")");
        System.out.println(WireJson.write(WireJson.object()
                .put("site", simulator.baseUrl())
                .put("companyId", keys.companyId())
                .put("publicKey", keys.publicKey())
                .put("privateKey", keys.privateKey())
                .put("clientId", ConnectWiseSimulator.DEFAULT_CLIENT_ID)));
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Usage: --port 8099 --members 500 --company acme --latency-ms 0"
                        + " --seed 42 (got '" + args[i] + "')");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
