package dev.cwlifecycle.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone ({@link SimulatorOptions#USAGE} lists the options). Prints the base URL and, one
 * line per tenant, the credentials JSON a client needs, then serves until Ctrl-C. A bad option prints the usage
 * and exits with status 2.
 */
public final class SimulatorMain {

    static final int BAD_USAGE = 2;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.UsageException bad) {
            System.err.println("SimulatorMain: " + bad.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(BAD_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        serve(options, System.out);
    }

    private static void serve(SimulatorOptions options, PrintStream out) throws InterruptedException {
        ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder()
                .port(options.port())
                .seedMembers(options.members())
                .latency(options.latency())
                .randomSeed(options.seed());
        options.companies().forEach(company -> builder.tenant(SimTenant.standard(company)));
        ConnectWiseSimulator simulator = builder.start();
        options.faults().forEach(simulator.faults()::arm);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "cw-sim-shutdown"));
        out.println("ConnectWise simulator listening on " + simulator.baseUrl() + " (API base "
                + simulator.apiBase() + ")");
        simulator.faults().armed().forEach(fault -> out.println("fault armed: " + fault));
        for (String company : options.companies()) {
            SimTenant keys = simulator.tenant(company);
            out.println(WireJson.write(WireJson.object()
                    .put("site", simulator.baseUrl())
                    .put("companyId", keys.companyId())
                    .put("publicKey", keys.publicKey())
                    .put("privateKey", keys.privateKey())
                    .put("clientId", ConnectWiseSimulator.DEFAULT_CLIENT_ID)));
        }
        stopped.await();
    }
}
