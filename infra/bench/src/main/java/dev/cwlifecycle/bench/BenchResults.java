package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.List;

/**
 * Everything one benchmark run measured, with the targets the issue sets for it.
 *
 * @param nativeImages  empty unless the run was asked for them ({@code --native}); so are the native workloads
 *                      and bill
 * @param typicalTenant full sync into an empty directory, full sync again (steady state) and an incremental sync
 *                      of the cost model's 500-member tenant at L = 100 ms
 * @param localRestart  a second {@code ./run-local} with nothing changed, from its start to the banner
 */
record BenchResults(MachineInfo machine, boolean quick, SyncBenchmark.Results sync, List<SyncFigure> typicalTenant,
                    List<OperationFigure> operations, CallbackFigure callbacks, List<StartupFigure> startups,
                    List<NativeImageFigure> nativeImages, List<CostModel.Workload> workloads,
                    List<CostModel.Line> bill, List<CostModel.Workload> nativeWorkloads,
                    List<CostModel.Line> nativeBill, Duration localRestart, double loadAtEnd) {

    static final double WALL_TIME_TARGET = 1.15;
    static final double HEAP_TARGET = 1.5;
    static final int PROVISION_CALLS = 3;
    static final int DEPROVISION_CALLS = 2;
    static final int P50_ALLOWANCE_MS = 25;
    /** Native start to first answer against the JVM's, and resident memory after it. */
    static final double NATIVE_START_TARGET = 0.10;
    static final double NATIVE_MEMORY_TARGET = 0.50;
    /** The latency ConnectWise adds in the figures the targets and the cost model use. */
    static final Duration L = Duration.ofMillis(100);

    static int targetCalls(String operation) {
        return operation.equals("provision") ? PROVISION_CALLS : DEPROVISION_CALLS;
    }

    StartupFigure jvmStartup(String function) {
        return startups.stream().filter(figure -> figure.function().equals(function)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No JVM start-up figure for " + function));
    }
}
