package dev.cwlifecycle.bench;

import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.MemberQuery;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final String[] FIELDS = DirectoryEntry.MEMBER_FIELDS.toArray(String[]::new);

    /**
     * Results of one sync benchmark: timed runs, incremental runs with nothing changed, peak heap per N, and the two
     * costs of a first fill apart per N.
     */
    public record Results(List<SyncFigure> full, List<SyncFigure> incremental, List<HeapFigure> heap,
                          List<TwoCosts> costs) {
    }

    /**
     * A first fill's two costs apart, for N members: ConnectWise's listing alone (every page, no writes) at each L,
     * and the engine's write limit: the same N members written alone, as the sync writes them (page by page, each
     * page's batches in parallel), into an empty directory at L = 0.
     */
    public record TwoCosts(int members, Map<Duration, Duration> listing, Duration writes, DynamoDbUsage dynamo) {

        /** The best write rate DynamoDB Local reached with the sync's writes, in write units a second. */
        public double writeUnitsPerSecond() {
            return dynamo.writeUnits() / (writes.toNanos() / 1e9);
        }

        public double writeUnitsPerMember() {
            return dynamo.writeUnits() / members;
        }
    }

    /** Peak heap after GC during a full sync of {@code members}. */
    public record HeapFigure(int members, long peakBytes) {
    }

    private final SyncHandler handler;
    private final DynamoDbTraffic traffic;
    private final BenchTenants tenants;
    private final ConnectWiseClients clients;
    private final MemberDirectory directory;

    @Inject
    public SyncBenchmark(SyncHandler handler, DynamoDbTraffic traffic, BenchTenants tenants,
                         ConnectWiseClients clients, MemberDirectory directory) {
        this.handler = handler;
        this.traffic = traffic;
        this.tenants = tenants;
        this.clients = clients;
        this.directory = directory;
    }

    public Results run(List<Integer> memberCounts, List<Duration> latencies, Progress progress) {
        warmUp();
        List<SyncFigure> full = new ArrayList<>();
        List<SyncFigure> incremental = new ArrayList<>();
        List<HeapFigure> heap = new ArrayList<>();
        List<TwoCosts> costs = new ArrayList<>();
        for (int members : memberCounts) {
            Map<Duration, Duration> listing = new TreeMap<>();
            Duration writes = null;
            DynamoDbUsage written = null;
            for (Duration latency : latencies) {
                try (SimulatorProcess simulator = started(members, latency)) {
                    String tenant = tenant(members, latency, "timed");
                    tenants.point(tenant, simulator.baseUrl());
                    listing.put(latency, listing(tenant));
                    if (latency.isZero()) {
                        DynamoDbUsage before = traffic.snapshot();
                        writes = writesAlone(tenant, tenant(members, latency, "writes"));
                        written = traffic.snapshot().minus(before);
                    }
                    SyncFigure first = sync(tenant, members, latency, RunSummary.Mode.FULL);
                    full.add(writes == null ? first : first.withWriteLimit(writes));
                    incremental.add(sync(tenant, members, latency, RunSummary.Mode.INCREMENTAL));
                    if (latency.isZero()) {
                        heap.add(peakHeap(simulator, members));
                    }
                    progress.report("sync N=%,d L=%d ms: full %,d ms (%d requests), incremental %,d ms", members,
                            latency.toMillis(), first.wall().toMillis(), first.requests(),
                            incremental.get(incremental.size() - 1).wall().toMillis());
                }
            }
            if (writes != null) {
                costs.add(new TwoCosts(members, listing, writes, written));
                progress.report("sync N=%,d: listing alone %s, writes alone %,d ms", members, listing.entrySet()
                        .stream().map(e -> e.getValue().toMillis() + " ms at L=" + e.getKey().toMillis() + " ms")
                        .toList(), writes.toMillis());
            }
        }
        return new Results(full, incremental, heap, costs);
    }

    /** ConnectWise's part alone: every page of a full sync's listing, nothing written. */
    private Duration listing(String tenant) {
        long started = System.nanoTime();
        clients.forTenant(tenant).memberPages(MemberQuery.all().fields(FIELDS)).forEach(page -> { });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The engine's part alone: the members a listing of {@code source} returns, written page by page into the empty
     * directory of {@code target} with the sync's batched writes; only the writes are timed.
     */
    private Duration writesAlone(String source, String target) {
        AtomicLong nanos = new AtomicLong();
        clients.forTenant(source).memberPages(MemberQuery.all().fields(FIELDS)).forEach(page -> {
            List<DirectoryEntry> entries = page.items().stream()
                    .map(member -> DirectoryEntry.of(target, member, DirectoryEntry.Source.SYNC)).toList();
            long started = System.nanoTime();
            directory.insertAbsent(entries);
            nanos.addAndGet(System.nanoTime() - started);
        });
        return Duration.ofNanos(nanos.get());
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
