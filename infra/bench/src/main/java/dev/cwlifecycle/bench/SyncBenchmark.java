package dev.cwlifecycle.bench;

import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.MemberQuery;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import dev.cwlifecycle.sync.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Full and incremental syncs through the sync function's handler against a simulator child process seeded with N
 * members, each full run on a fresh tenant (an empty directory). The peak heap comes from one more full run at L = 0,
 * not timed: the full collections it needs would slow a timed run. The simulator and DynamoDB Local are child
 * processes, so that heap is the bench's and the sync's alone.
 */
@ApplicationScoped
public class SyncBenchmark {

    private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(500);
    private static final int WARM_PAGES = 20;

    /** Results of one sync benchmark: timed runs, incremental runs with nothing changed, peak heap per N. */
    public record Results(List<SyncFigure> full, List<SyncFigure> incremental, List<HeapFigure> heap) {
    }

    /** Peak heap after GC during a full sync of {@code members}. */
    public record HeapFigure(int members, long peakBytes) {
    }

    private final SyncHandler handler;
    private final DynamoDbTraffic traffic;
    private final BenchTenants tenants;
    private final ConnectWiseClients clients;

    @Inject
    public SyncBenchmark(SyncHandler handler, DynamoDbTraffic traffic, BenchTenants tenants,
                         ConnectWiseClients clients) {
        this.handler = handler;
        this.traffic = traffic;
        this.tenants = tenants;
        this.clients = clients;
    }

    public Results run(List<Integer> memberCounts, List<Duration> latencies, Progress progress) {
        warmUp();
        List<SyncFigure> full = new ArrayList<>();
        List<SyncFigure> incremental = new ArrayList<>();
        List<HeapFigure> heap = new ArrayList<>();
        for (int members : memberCounts) {
            for (Duration latency : latencies) {
                try (SimulatorProcess simulator = started(members, latency)) {
                    String tenant = tenant(members, latency, "timed");
                    tenants.point(tenant, simulator.baseUrl());
                    SyncFigure first = sync(tenant, members, latency, RunSummary.Mode.FULL);
                    full.add(first);
                    incremental.add(sync(tenant, members, latency, RunSummary.Mode.INCREMENTAL));
                    if (latency.isZero()) {
                        heap.add(peakHeap(simulator, members));
                    }
                    progress.report("sync N=%,d L=%d ms: full %,d ms (%d requests), incremental %,d ms", members,
                            latency.toMillis(), first.wall().toMillis(), first.requests(),
                            incremental.get(incremental.size() - 1).wall().toMillis());
                }
            }
        }
        return new Results(full, incremental, heap);
    }

    /**
     * The cost model's tenant: a full sync into an empty directory, a full sync again (the daily run's steady state)
     * and an incremental sync with nothing changed.
     */
    public List<SyncFigure> typicalTenant(int members, Duration latency) {
        try (SimulatorProcess simulator = started(members, latency)) {
            String tenant = tenant(members, latency, "typical");
            tenants.point(tenant, simulator.baseUrl());
            return List.of(sync(tenant, members, latency, RunSummary.Mode.FULL),
                    sync(tenant, members, latency, RunSummary.Mode.FULL),
                    sync(tenant, members, latency, RunSummary.Mode.INCREMENTAL));
        }
    }

    /** Compiles the sync path before anything is timed: the first runs of a JVM are mostly the JIT's. */
    private void warmUp() {
        try (SimulatorProcess simulator = started(2000, Duration.ZERO)) {
            for (int round = 0; round < 2; round++) {
                String tenant = "sync-warmup-" + round;
                tenants.point(tenant, simulator.baseUrl());
                sync(tenant, 2000, Duration.ZERO, RunSummary.Mode.FULL);
                sync(tenant, 2000, Duration.ZERO, RunSummary.Mode.INCREMENTAL);
            }
        }
    }

    /**
     * A simulator whose JIT has served pages already (up to {@link #WARM_PAGES}), through a tenant no timed run uses:
     * without it the first timed run also pays for compiling the simulator.
     */
    private SimulatorProcess started(int members, Duration latency) {
        SimulatorProcess simulator = SimulatorProcess.start(members, latency);
        try {
            String tenant = tenant(members, latency, "warm");
            tenants.point(tenant, simulator.baseUrl());
            clients.forTenant(tenant).memberPages(MemberQuery.all()).limit(WARM_PAGES).forEach(page -> { });
            return simulator;
        } catch (RuntimeException failure) {
            simulator.close();
            throw failure;
        }
    }

    private HeapFigure peakHeap(SimulatorProcess simulator, int members) {
        String tenant = tenant(members, Duration.ZERO, "heap");
        tenants.point(tenant, simulator.baseUrl());
        try (HeapProbe probe = HeapProbe.every(HEAP_SAMPLE_INTERVAL)) {
            sync(tenant, members, Duration.ZERO, RunSummary.Mode.FULL);
            return new HeapFigure(members, probe.peakBytes());
        }
    }

    private SyncFigure sync(String tenant, int members, Duration latency, RunSummary.Mode mode) {
        DynamoDbUsage before = traffic.snapshot();
        long started = System.nanoTime();
        SyncResult result = handler.handle(new SyncRequest(null, tenant, mode.name().toLowerCase(Locale.ROOT), null));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (result.status() == SyncResult.Status.SKIPPED || result.summary().mode() != mode) {
            throw new IllegalStateException("The " + mode + " sync of " + tenant + " did not run as asked: " + result);
        }
        return new SyncFigure(members, latency, mode, wall, result.summary().requests(),
                traffic.snapshot().minus(before), result.summary().complete());
    }

    private static String tenant(int members, Duration latency, String purpose) {
        return "sync-" + members + "-l" + latency.toMillis() + "-" + purpose;
    }
}
