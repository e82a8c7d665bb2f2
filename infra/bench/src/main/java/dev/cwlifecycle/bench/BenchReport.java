package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cwlifecycle.bench.Figures.count;
import static dev.cwlifecycle.bench.Figures.format;
import static dev.cwlifecycle.bench.Figures.megabytes;
import static dev.cwlifecycle.bench.Figures.millis;
import static dev.cwlifecycle.bench.Figures.time;
import static dev.cwlifecycle.bench.Figures.verdict;

/** docs/BENCHMARKS.md: each figure beside its limit or target, how it was measured, and why a target was missed. */
final class BenchReport {

    static final String CHART = "sync-wall-time.svg";

    private BenchReport() {
    }

    static String markdown(BenchResults results) {
        ReportTemplate template = ReportTemplate.load();
        Map<String, String> values = new HashMap<>();
        values.put("options", results.quick() ? " --quick" : "");
        values.put("date", results.machine().date().toString());
        values.put("machine", results.machine().describe());
        values.put("load-start", format("%.1f", results.machine().loadAtStart()));
        values.put("load-end", format("%.1f", results.loadAtEnd()));
        values.put("cores", Integer.toString(results.machine().cores()));
        values.put("missed", Figures.MISSED);
        values.put("chart", CHART);
        sync(values, results.sync());
        values.put("operations", operations(results));
        values.put("callback-threads", Integer.toString(results.callbacks().threads()));
        values.put("callbacks", callbacks(results.callbacks()));
        values.put("startup-samples", Integer.toString(results.startups().get(0).samples()));
        values.put("jvm-options", String.join(" ", LambdaFunction.LAMBDA_JVM_OPTIONS));
        values.put("startups", startups(results.startups()));
        values.put("native-images", results.nativeImages().isEmpty() ? ""
                : template.fill("native-images", Map.of("native-table", nativeImages(results),
                "not-built", notBuilt(results))));
        values.put("local-restart", localRestart(results.localRestart()));
        values.putAll(CostReport.values(results, template));
        values.put("missed-targets", lines(MissedTargets.explain(results), "None: every target was met."));
        values.put("findings", lines(MissedTargets.findings(results), "None."));
        return template.fill("report", values);
    }

    /** The notes one a line, or {@code none} where there are none. */
    private static String lines(List<String> notes, String none) {
        return notes.isEmpty() ? none : String.join("\n", notes);
    }

    private static void sync(Map<String, String> values, SyncBenchmark.Results sync) {
        MarkdownTable costs = new MarkdownTable("N", "listing alone at L = 0", "at L = " + time(BenchResults.L),
                "network limit ceil(N/1000) x " + time(BenchResults.L), "listing / network limit",
                "writes alone (batched)", "WRU per member", "write rate");
        for (SyncBenchmark.TwoCosts figure : sync.costs()) {
            Duration atL = figure.listing().get(BenchResults.L);
            Duration network = BenchResults.L.multipliedBy((figure.members() + 999) / 1000);
            costs.row(count(figure.members()), time(figure.listing().get(Duration.ZERO)), time(atL), time(network),
                    format("%.2f", atL.toNanos() / (double) network.toNanos()), time(figure.writes()),
                    count(figure.writeUnitsPerMember()), format("%,.0f WRU/s", figure.writeUnitsPerSecond()));
        }
        values.put("sync-costs", costs.render());
        MarkdownTable full = new MarkdownTable("N", "L", "wall time", "network limit ceil(N/1000) x L",
                "writes alone", "wall / the larger (target <= " + BenchResults.WALL_TIME_TARGET + ")",
                "ConnectWise requests (minimum)", "DynamoDB requests", "DynamoDB busy", "WRU", "RRU");
        for (SyncFigure figure : sync.full()) {
            full.row(count(figure.members()), time(figure.latency()), time(figure.wall()),
                    time(figure.networkLimit()), time(figure.writeLimit()),
                    figure.limit().isZero() ? "no limit measured" : format("%.2f %s", figure.ratioToLimit(),
                            verdict(figure.ratioToLimit() <= BenchResults.WALL_TIME_TARGET)),
                    figure.requests() + " (" + figure.minimumRequests() + ") "
                            + verdict(figure.requests() == figure.minimumRequests()),
                    count(figure.dynamo().requests()), time(Duration.ofMillis((long) figure.dynamo().busyMillis())),
                    count(figure.dynamo().writeUnits()), count(figure.dynamo().readUnits()));
        }
        values.put("sync-full", full.render());
        MarkdownTable heap = new MarkdownTable("N", "peak heap after GC",
                "/ peak at the smallest N (target <= " + BenchResults.HEAP_TARGET + ")");
        long smallest = sync.heap().get(0).peakBytes();
        for (SyncBenchmark.HeapFigure figure : sync.heap()) {
            double ratio = figure.peakBytes() / (double) smallest;
            heap.row(count(figure.members()), megabytes(figure.peakBytes()),
                    format("%.2f %s", ratio, verdict(ratio <= BenchResults.HEAP_TARGET)));
        }
        values.put("sync-heap", heap.render());
        MarkdownTable incremental = new MarkdownTable("N", "L", "wall time", "ConnectWise requests (target 1)",
                "DynamoDB requests", "RRU", "WRU");
        for (SyncFigure figure : sync.incremental()) {
            incremental.row(count(figure.members()), time(figure.latency()), time(figure.wall()),
                    figure.requests() + " " + verdict(figure.requests() == 1), count(figure.dynamo().requests()),
                    count(figure.dynamo().readUnits()), count(figure.dynamo().writeUnits()));
        }
        values.put("sync-incremental", incremental.render());
    }

    private static String operations(BenchResults results) {
        MarkdownTable table = new MarkdownTable("operation", "L", "operations", "ConnectWise calls per operation "
                + "(target)", "DynamoDB requests per operation", "WRU per operation", "DynamoDB time per operation",
                "p50 (target <= calls x L + 25 ms)", "p99");
        for (OperationFigure figure : results.operations()) {
            int calls = BenchResults.targetCalls(figure.operation());
            Duration target = figure.p50Target(calls);
            table.row(figure.operation(), time(figure.latency()), figure.operations(),
                    count(figure.connectWisePerOperation()) + " (" + calls + ") "
                            + verdict(figure.connectWisePerOperation() <= calls),
                    count(figure.dynamoPerOperation().requests()), count(figure.dynamoPerOperation().writeUnits()),
                    millis(figure.dynamoPerOperation().millis()),
                    time(figure.p50()) + " (" + time(target) + ") " + verdict(figure.p50().compareTo(target) <= 0),
                    time(figure.p99()));
        }
        return table.render();
    }

    private static String callbacks(CallbackFigure figure) {
        return new MarkdownTable("callbacks", "callbacks per second", "p50", "p99",
                "signing-key fetches (target 1 per 1,000)", "ConnectWise calls per callback (target 0)",
                "DynamoDB requests per callback", "WRU per callback", "applied")
                .row(count(figure.callbacks()), format("%.0f", figure.perSecond()), time(figure.p50()),
                        time(figure.p99()), format("%d for %,d callbacks %s", figure.keyFetches(),
                                figure.handled(), verdict(figure.keyFetchesWithinTarget())),
                        count(figure.connectWiseCalls() / (double) figure.callbacks()) + " "
                                + verdict(figure.connectWiseCalls() == 0),
                        count(figure.dynamoPerCallback().requests()), count(figure.dynamoPerCallback().writeUnits()),
                        count(figure.applied()))
                .render();
    }

    private static String startups(List<StartupFigure> startups) {
        MarkdownTable table = new MarkdownTable("function", "process start to first answer",
                "resident memory after it", "function.zip", "unpacked");
        startups.forEach(figure -> table.row(figure.function(), time(figure.toFirstAnswer()),
                megabytes(figure.residentBytes()), megabytes(figure.packageBytes()),
                megabytes(figure.unpackedBytes())));
        return table.render();
    }

    private static String nativeImages(BenchResults results) {
        MarkdownTable table = new MarkdownTable("function", "image build", "builder peak memory", "bootstrap",
                "function.zip", "start to first answer", "/ JVM (target <= " + BenchResults.NATIVE_START_TARGET + ")",
                "resident memory after it", "/ JVM (target <= " + BenchResults.NATIVE_MEMORY_TARGET + ")");
        for (NativeImageFigure figure : results.nativeImages()) {
            StartupFigure jvm = results.jvmStartup(figure.function());
            table.row(figure.function(), time(figure.build()), megabytes(figure.buildPeakBytes()),
                    megabytes(figure.binaryBytes()), megabytes(figure.packageBytes()), time(figure.toFirstAnswer()),
                    format("%.3f %s", figure.startRatio(jvm),
                            verdict(figure.startRatio(jvm) <= BenchResults.NATIVE_START_TARGET)),
                    megabytes(figure.residentBytes()), format("%.2f %s", figure.memoryRatio(jvm),
                            verdict(figure.memoryRatio(jvm) <= BenchResults.NATIVE_MEMORY_TARGET)));
        }
        return table.render();
    }

    /** The functions without a native image in this run, if any: the native month needs all of them. */
    private static String notBuilt(BenchResults results) {
        List<String> missing = results.startups().stream().map(StartupFigure::function).filter(function -> results
                .nativeImages().stream().noneMatch(image -> image.function().equals(function))).toList();
        return missing.isEmpty() ? "" : "Not measured natively in this run (no image built by `./run-native-check`): "
                + String.join(", ", missing) + "; so the cost section has no native month.\n\n";
    }

    private static String localRestart(Duration toBanner) {
        MarkdownTable table = new MarkdownTable("start to banner", "target");
        table.row(time(toBanner), "< " + LocalRestartBenchmark.TARGET.toSeconds() + " s: "
                + verdict(toBanner.compareTo(LocalRestartBenchmark.TARGET) < 0));
        return table.render();
    }
}
