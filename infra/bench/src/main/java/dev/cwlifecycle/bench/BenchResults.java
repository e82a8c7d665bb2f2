package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
    /**
     * Each member operation's ConnectWise calls with a warm role cache: a provision checks the identifier and the
     * email and creates; a deprovision and a move read the member and patch it (a SCIM create provisions, a SCIM
     * PatchOp of a profile attribute moves); a read, by the API or SCIM, asks ConnectWise nothing.
     */
    private static final Map<String, Integer> TARGET_CALLS = Map.of("provision", 3, "deprovision", 2, "move", 2,
            "SCIM create", 3, "SCIM patch (title)", 2, "read by identifier", 0, "read a page of 100", 0,
            "SCIM filter on userName", 0);
    static final int P50_ALLOWANCE_MS = 25;
    /** Native start to first answer against the JVM's, and resident memory after it. */
    static final double NATIVE_START_TARGET = 0.10;
    static final double NATIVE_MEMORY_TARGET = 0.50;
    /** The latency ConnectWise adds in the figures the targets and the cost model use. */
    static final Duration L = Duration.ofMillis(100);

    static int targetCalls(String operation) {
        Integer calls = TARGET_CALLS.get(operation);
        if (calls == null) {
            throw new IllegalArgumentException("No ConnectWise call target for " + operation);
        }
        return calls;
    }

    StartupFigure jvmStartup(String function) {
        return startups.stream().filter(figure -> figure.function().equals(function)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No JVM start-up figure for " + function));
    }
}
