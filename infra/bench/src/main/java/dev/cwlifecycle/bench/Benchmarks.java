package dev.cwlifecycle.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./run-bench}: every benchmark in turn, the report on the console and in docs/BENCHMARKS.md with its chart
 * ({@code --quick}: N up to 10,000 and fewer samples, written under infra/bench/target/quick instead, so a quick run
 * never replaces the committed figures; {@code --native}: the native images' figures beside the JVM's).
 */
@ApplicationScoped
public class Benchmarks {

    private static final List<Integer> MEMBERS = List.of(1_000, 10_000, 100_000);
    private static final List<Integer> QUICK_MEMBERS = List.of(1_000, 10_000);

    private final SyncBenchmark sync;
    private final MemberOperationsBenchmark members;
    private final CallbackBenchmark callbacks;
    private final ColdStartBenchmark coldStarts;

    @Inject
    public Benchmarks(SyncBenchmark sync, MemberOperationsBenchmark members, CallbackBenchmark callbacks,
                      ColdStartBenchmark coldStarts) {
        this.sync = sync;
        this.members = members;
        this.callbacks = callbacks;
        this.coldStarts = coldStarts;
    }

    public int run(boolean quick, boolean nativeImages, Path repository) {
        Progress progress = Progress.console();
        MachineInfo machine = MachineInfo.current();
        System.out.println("cw-lifecycle benchmarks" + (quick ? " (quick)" : "") + " on " + machine.describe());
        SyncBenchmark.Results syncs = sync.run(quick ? QUICK_MEMBERS : MEMBERS,
                List.of(Duration.ZERO, BenchResults.L), progress);
        List<SyncFigure> typical = sync.typicalTenant(CostReport.MEMBERS, BenchResults.L);
        progress.report("typical tenant (%d members, L = 100 ms): full %d ms, again %d ms, incremental %d ms",
                CostReport.MEMBERS, typical.get(0).wall().toMillis(), typical.get(1).wall().toMillis(),
                typical.get(2).wall().toMillis());
        List<OperationFigure> operations = new ArrayList<>();
        operations.addAll(members.run(Duration.ZERO, quick ? 40 : 200, quick ? 20 : 40));
        operations.addAll(members.run(BenchResults.L, quick ? 15 : 50, 3));
        operations.forEach(figure -> progress.report("%s at L = %d ms: p50 %d ms, %.1f ConnectWise calls",
                figure.operation(), figure.latency().toMillis(), figure.p50().toMillis(),
                figure.connectWisePerOperation()));
        CallbackFigure callbackFigure = callbacks.run(quick ? 300 : 1000, quick ? 50 : 100,
                Runtime.getRuntime().availableProcessors());
        progress.report("callbacks: %.0f per second, %d key fetches", callbackFigure.perSecond(),
                callbackFigure.keyFetches());
        ColdStartBenchmark.Startups startups = coldStarts.run(repository, quick ? 1 : 3, nativeImages, progress);
        Duration localRestart = LocalRestartBenchmark.secondStart(repository, progress);
        List<CostModel.Workload> workloads = CostReport.workloads(startups.jvm().stream().collect(Collectors.toMap(
                StartupFigure::function, StartupFigure::toFirstAnswer)), false, operations,
                callbackFigure, typical);
        // the native month needs every function's native start
        boolean everyImage = startups.nativeImages().size() == ColdStartBenchmark.FUNCTIONS.size();
        List<CostModel.Workload> nativeWorkloads = everyImage ? CostReport.workloads(startups.nativeImages()
                .stream().collect(Collectors.toMap(NativeImageFigure::function, NativeImageFigure::toFirstAnswer)),
                true, operations, callbackFigure, typical) : List.of();
        BenchResults results = new BenchResults(machine, quick, syncs, typical, operations, callbackFigure,
                startups.jvm(), startups.nativeImages(), workloads, CostModel.bill(workloads, 1), nativeWorkloads,
                everyImage ? CostModel.bill(nativeWorkloads, 1) : List.of(), localRestart,
                MachineInfo.loadAverage());
        String markdown = BenchReport.markdown(results);
        System.out.println();
        System.out.println(markdown);
        Path out = quick ? repository.resolve("infra/bench/target/quick") : repository.resolve("docs");
        write(out.resolve("BENCHMARKS.md"), markdown);
        write(out.resolve(BenchReport.CHART), WallTimeChart.render(syncs.full(), BenchResults.L,
                BenchResults.WALL_TIME_TARGET));
        System.out.println("Written: " + out.resolve("BENCHMARKS.md") + " and " + out.resolve(BenchReport.CHART));
        return 0;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
