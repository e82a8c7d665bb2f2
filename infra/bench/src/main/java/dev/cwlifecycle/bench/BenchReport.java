package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.cwlifecycle.bench.Figures.count;
import static dev.cwlifecycle.bench.Figures.format;
import static dev.cwlifecycle.bench.Figures.megabytes;
import static dev.cwlifecycle.bench.Figures.millis;
import static dev.cwlifecycle.bench.Figures.time;
import static dev.cwlifecycle.bench.Figures.verdict;

/** docs/BENCHMARKS.md: each figure beside its limit or target, how it was measured, and why a target was missed. */
final class BenchReport {

    static final String CHART = "sync-wall-time.svg";
    static final Duration L = Duration.ofMillis(100);

    private BenchReport() {
    }

    static String markdown(BenchResults results) {
        StringBuilder doc = new StringBuilder();
        doc.append("# Benchmarks\n\n");
        doc.append("_Written by `./run-bench").append(results.quick() ? " --quick" : "").append("` on ")
                .append(results.machine().date()).append(". Do not edit by hand: run it again._\n\n");
        doc.append("Machine: ").append(results.machine().describe()).append(format(". Load average (1 minute) "
                + "%.1f when the run began and %.1f when it ended (above %d, processes were waiting for a core): "
                + "other work on the machine slows every figure.%n%n", results.machine().loadAtStart(),
                results.loadAtEnd(), results.machine().cores()));
        doc.append("Each target stands beside its figure; ").append(Figures.MISSED)
                .append(" marks one not met, and [Targets missed](#targets-missed-and-why) says why.\n\n");
        doc.append(MeasurementNotes.text()).append('\n');
        sync(doc, results);
        operations(doc, results);
        callbacks(doc, results.callbacks());
        startups(doc, results.startups());
        if (!results.nativeImages().isEmpty()) {
            nativeImages(doc, results);
        }
        localRestart(doc, results.localRestart());
        doc.append(CostReport.markdown(results)).append('\n');
        doc.append("## Targets missed and why\n\n");
        doc.append(lines(MissedTargets.explain(results), "None: every target was met."));
        doc.append("\n## Other findings\n\n").append(lines(MissedTargets.findings(results), "None."));
        return doc.toString();
    }

    /** The notes one a line, or {@code none} where there are none. */
    private static String lines(List<String> notes, String none) {
        return (notes.isEmpty() ? none : String.join("\n", notes)) + "\n";
    }

    private static void sync(StringBuilder doc, BenchResults results) {
        SyncBenchmark.Results sync = results.sync();
        doc.append("## Sync\n\n### Full sync into an empty directory\n\n");
        MarkdownTable full = new MarkdownTable("N", "L", "wall time", "limit ceil(N/1000) x L",
                "wall / limit (target <= " + BenchResults.WALL_TIME_TARGET + " at L = 100 ms)",
                "ConnectWise requests (minimum)", "DynamoDB requests", "DynamoDB busy", "WRU", "RRU");
        for (SyncFigure figure : sync.full()) {
            full.row(count(figure.members()), time(figure.latency()), time(figure.wall()), time(figure.limit()),
                    figure.latency().isZero() ? "no limit at L = 0" : format("%.2f %s", figure.ratioToLimit(),
                            verdict(figure.ratioToLimit() <= BenchResults.WALL_TIME_TARGET)),
                    figure.requests() + " (" + figure.minimumRequests() + ") "
                            + verdict(figure.requests() == figure.minimumRequests()),
                    count(figure.dynamo().requests()), time(Duration.ofMillis((long) figure.dynamo().busyMillis())),
                    count(figure.dynamo().writeUnits()), count(figure.dynamo().readUnits()));
        }
        doc.append(full.render()).append('\n');
        doc.append("DynamoDB busy: the wall time during which at least one DynamoDB request was in flight.\n\n");
        doc.append("![Full sync wall time against the limit](").append(CHART).append(")\n\n");
        doc.append("### Peak heap after GC (a further full sync at L = 0, not timed)\n\n");
        MarkdownTable heap = new MarkdownTable("N", "peak heap after GC",
                "/ peak at the smallest N (target <= " + BenchResults.HEAP_TARGET + ")");
        long smallest = sync.heap().get(0).peakBytes();
        for (SyncBenchmark.HeapFigure figure : sync.heap()) {
            double ratio = figure.peakBytes() / (double) smallest;
            heap.row(count(figure.members()), megabytes(figure.peakBytes()),
                    format("%.2f %s", ratio, verdict(ratio <= BenchResults.HEAP_TARGET)));
        }
        doc.append(heap.render()).append('\n');
        doc.append("### Incremental sync with nothing changed (right after the full sync)\n\n");
        MarkdownTable incremental = new MarkdownTable("N", "L", "wall time", "ConnectWise requests (target 1)",
                "DynamoDB requests", "RRU", "WRU");
        for (SyncFigure figure : sync.incremental()) {
            incremental.row(count(figure.members()), time(figure.latency()), time(figure.wall()),
                    figure.requests() + " " + verdict(figure.requests() == 1), count(figure.dynamo().requests()),
                    count(figure.dynamo().readUnits()), count(figure.dynamo().writeUnits()));
        }
        doc.append(incremental.render()).append('\n');
    }

    private static void operations(StringBuilder doc, BenchResults results) {
        doc.append("## Provision and deprovision\n\n");
        doc.append("One at a time through the handler, each for a new person (provision) or one provisioned just ")
                .append("before (deprovision), with an `Idempotency-Key`; role cache warm; 500 members in the site.")
                .append("\n\n");
        MarkdownTable table = new MarkdownTable("operation", "L", "operations", "ConnectWise calls per operation "
                + "(target)", "DynamoDB requests per operation", "WRU per operation", "DynamoDB time per operation",
                "p50 (target <= calls x L + 25 ms)", "p99");
        for (OperationFigure figure : results.operations()) {
            int calls = targetCalls(figure.operation());
            Duration target = figure.p50Target(calls);
            table.row(figure.operation(), time(figure.latency()), figure.operations(),
                    count(figure.connectWisePerOperation()) + " (" + calls + ") "
                            + verdict(figure.connectWisePerOperation() <= calls),
                    count(figure.dynamoPerOperation().requests()), count(figure.dynamoPerOperation().writeUnits()),
                    millis(figure.dynamoPerOperation().millis()),
                    time(figure.p50()) + " (" + time(target) + ") " + verdict(figure.p50().compareTo(target) <= 0),
                    time(figure.p99()));
        }
        doc.append(table.render()).append('\n');
    }

    private static void callbacks(StringBuilder doc, CallbackFigure figure) {
        doc.append("## Callback intake\n\n");
        doc.append("Signed member updates from the simulator (each with its `Entity`), answered by the handler from ")
                .append(figure.threads()).append(" threads (the machine's cores) after a warm-up.\n\n");
        doc.append(new MarkdownTable("callbacks", "callbacks per second", "p50", "p99",
                "signing-key fetches (target 1 per 1,000)", "ConnectWise calls per callback (target 0)",
                "DynamoDB requests per callback", "WRU per callback", "applied")
                .row(count(figure.callbacks()), format("%.0f", figure.perSecond()), time(figure.p50()),
                        time(figure.p99()), format("%d for %,d callbacks %s", figure.keyFetches(),
                                figure.handled(), verdict(figure.keyFetchesWithinTarget())),
                        count(figure.connectWiseCalls() / (double) figure.callbacks()) + " "
                                + verdict(figure.connectWiseCalls() == 0),
                        count(figure.dynamoPerCallback().requests()), count(figure.dynamoPerCallback().writeUnits()),
                        count(figure.applied()))
                .render()).append('\n');
    }

    private static void startups(StringBuilder doc, List<StartupFigure> startups) {
        doc.append("## Start-up (JVM, cold, from function.zip)\n\n");
        doc.append("Median of ").append(startups.get(0).samples()).append(" cold start(s) per function, each a new ")
                .append("JVM with `").append(String.join(" ", LambdaFunction.LAMBDA_JVM_OPTIONS))
                .append("` answering one real invocation at L = 0.\n\n");
        MarkdownTable table = new MarkdownTable("function", "process start to first answer",
                "resident memory after it", "function.zip", "unpacked");
        startups.forEach(figure -> table.row(figure.function(), time(figure.toFirstAnswer()),
                megabytes(figure.residentBytes()), megabytes(figure.packageBytes()),
                megabytes(figure.unpackedBytes())));
        doc.append(table.render()).append('\n');
    }

    private static void nativeImages(StringBuilder doc, BenchResults results) {
        doc.append("## Native images (`provided.al2023`, from target/native/function.zip)\n\n");
        doc.append("Built by `./run-native-check` with the verification toolchain (../shared/native: GraalVM 25 ")
                .append("native-image on Temurin 25, linking the JDK's shared libraries, so the binary is a little ")
                .append("smaller than a shipped one); build time and peak memory are the native-image builder's own. ")
                .append("Each cold start runs `bootstrap` against a loopback Lambda Runtime API with the same kind ")
                .append("of event as the JVM row above; median of the same number of starts.\n\n");
        MarkdownTable table = new MarkdownTable("function", "image build", "builder peak memory", "bootstrap",
                "function.zip", "start to first answer", "/ JVM (target <= " + BenchResults.NATIVE_START_TARGET + ")",
                "resident memory after it", "/ JVM (target <= " + BenchResults.NATIVE_MEMORY_TARGET + ")");
        for (NativeImageFigure figure : results.nativeImages()) {
            StartupFigure jvm = jvm(results, figure.function());
            table.row(figure.function(), time(figure.build()), megabytes(figure.buildPeakBytes()),
                    megabytes(figure.binaryBytes()), megabytes(figure.packageBytes()), time(figure.toFirstAnswer()),
                    format("%.3f %s", figure.startRatio(jvm),
                            verdict(figure.startRatio(jvm) <= BenchResults.NATIVE_START_TARGET)),
                    megabytes(figure.residentBytes()), format("%.2f %s", figure.memoryRatio(jvm),
                            verdict(figure.memoryRatio(jvm) <= BenchResults.NATIVE_MEMORY_TARGET)));
        }
        doc.append(table.render()).append('\n');
    }

    static StartupFigure jvm(BenchResults results, String function) {
        return results.startups().stream().filter(figure -> figure.function().equals(function)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No JVM start-up figure for " + function));
    }

    private static void localRestart(StringBuilder doc, Duration toBanner) {
        doc.append("## ./run-local again, nothing changed\n\n");
        doc.append("`./run-local` started a second time (the first built what was stale): the script finds the ")
                .append("application up to date, so this is the JVM, DynamoDB Local, the seeded simulator and the ")
                .append("tables, from the script's start to the banner's last line.\n\n");
        MarkdownTable table = new MarkdownTable("start to banner", "target");
        table.row(time(toBanner), "< " + LocalRestartBenchmark.TARGET.toSeconds() + " s: "
                + verdict(toBanner.compareTo(LocalRestartBenchmark.TARGET) < 0));
        doc.append(table.render()).append('\n');
    }

    static int targetCalls(String operation) {
        return operation.equals("provision") ? BenchResults.PROVISION_CALLS : BenchResults.DEPROVISION_CALLS;
    }

    static Optional<SyncFigure> full(BenchResults results, int members, Duration latency) {
        return results.sync().full().stream()
                .filter(f -> f.members() == members && f.latency().equals(latency)).findFirst();
    }
}
