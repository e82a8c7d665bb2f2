package dev.cwlifecycle.bench;

import dev.cwlifecycle.store.RunSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {

    private static final DynamoDbUsage USAGE = new DynamoDbUsage(4, 1, 4, 12, 10);
    private static final List<String> FUNCTIONS = List.of("provision", "deprovision", "sync", "callback");

    @Test
    void theReportIsTheTemplatesProseWithEveryFigureInItsPlace() {
        // GIVEN a run's figures without native images
        BenchResults results = results(List.of());

        // WHEN the report is written
        String report = BenchReport.markdown(results);

        // THEN every placeholder is filled, the sections come in the template's order, and no native part shows
        assertFalse(report.contains("{{"), report);
        assertTrue(report.contains("| 1,000 | 60 ms                  | 260 ms"), report);
        assertTrue(report.contains("1.38 **MISSED**"), "1,100 ms against the writes' 800 ms:\n" + report);
        assertTrue(report.contains("- **Full sync into an empty directory, N = 1,000 at L = 100 ms:** 1.10 s, 1.38 x"),
                report);
        assertTrue(report.startsWith("# Benchmarks\n\n_Written by `./run-bench` on 2026-12-04."), report);
        assertInOrder(report, "## How it was measured", "## Sync", "## Member operations",
                "## Callback intake", "## Start-up (JVM", "## ./run-local again", "## Monthly cost",
                "## Targets missed and why", "## Other findings");
        assertFalse(report.contains("## Native images"), report);
        assertFalse(report.contains("### The native runtime"), report);
        assertFalse(report.contains("\n\n\n"), "no empty part leaves a double blank line:\n" + report);
        assertTrue(report.endsWith("\n") && !report.endsWith("\n\n"), report);
    }

    @Test
    void aReadIsHeldToNoConnectWiseCallAndItsOwnLatency() {
        // GIVEN a read by identifier with no ConnectWise call in 9 ms, and a SCIM filter read that made one call in
        // fifty and took 40 ms
        BenchResults results = results(List.of());

        // WHEN the report is written
        String report = BenchReport.markdown(results);

        // THEN the first meets both targets; the second misses both, and each miss is explained
        String read = row(report, "read by identifier");
        assertTrue(read.contains("| 0 (0) met") && read.contains("| 9 ms (25 ms) met"), read);
        String filter = row(report, "SCIM filter on userName");
        assertTrue(filter.contains("| 0.02 (0) **MISSED**") && filter.contains("| 40 ms (25 ms) **MISSED**"), filter);
        assertTrue(report.contains("- **SCIM filter on userName:** 0.02 ConnectWise calls per operation against a "
                + "target of 0."), report);
        assertTrue(report.contains("- **SCIM filter on userName at L = 100 ms:** p50 40 ms against 25 ms."), report);
        assertTrue(report.contains("(the directory's reads)"), report);
    }

    @Test
    void nativeFiguresAddTheirSectionsAndAMissedRatioIsExplained() {
        // GIVEN native images where provision starts in 0.5 s against the JVM's 2 s (a ratio of 0.25 > 0.10)
        List<NativeImageFigure> images = FUNCTIONS.stream().map(function -> new NativeImageFigure(function,
                Duration.ofMinutes(5), 3L << 30, 80L << 20, 30L << 20,
                Duration.ofMillis(function.equals("provision") ? 500 : 50), 60L << 20)).toList();

        // WHEN the report is written
        String report = BenchReport.markdown(results(images));

        // THEN the native sections stand in their places, with the ratio marked and explained
        assertInOrder(report, "## Start-up (JVM", "## Native images", "## ./run-local again", "## Monthly cost",
                "### The native runtime at 256 MB", "## Targets missed and why", "- **Native provision:**");
        assertTrue(report.contains("| 0.250 **MISSED**"), report);
        assertTrue(report.contains("| 0.025 met"), report);
        assertFalse(report.contains("{{"), report);
    }

    /** The operations table's row of {@code operation}. */
    private static String row(String report, String operation) {
        return report.lines().filter(line -> line.startsWith("| " + operation + " ")).findFirst().orElseThrow();
    }

    private static void assertInOrder(String report, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = report.indexOf(part, at + 1);
            assertTrue(next > at, "\"" + part + "\" after the previous part in:\n" + report);
            at = next;
        }
    }

    private static BenchResults results(List<NativeImageFigure> images) {
        List<SyncFigure> full = List.of(sync(1_000, Duration.ZERO, 900).withWriteLimit(Duration.ofMillis(800)),
                sync(1_000, BenchResults.L, 1_100).withWriteLimit(Duration.ofMillis(800)));
        SyncBenchmark.Results syncs = new SyncBenchmark.Results(full,
                List.of(new SyncFigure(1_000, BenchResults.L, RunSummary.Mode.INCREMENTAL, Duration.ofMillis(150), 1,
                        USAGE, true)),
                List.of(new SyncBenchmark.HeapFigure(1_000, 40L << 20)),
                List.of(new SyncBenchmark.TwoCosts(1_000, Map.of(Duration.ZERO, Duration.ofMillis(60), BenchResults.L,
                        Duration.ofMillis(260)), Duration.ofMillis(800), new DynamoDbUsage(40, 0, 1_000, 700, 790))));
        List<SyncFigure> typical = List.of(sync(500, BenchResults.L, 300), sync(500, BenchResults.L, 250),
                new SyncFigure(500, BenchResults.L, RunSummary.Mode.INCREMENTAL, Duration.ofMillis(120), 1, USAGE,
                        true));
        List<OperationFigure> operations = List.of(
                new OperationFigure("provision", BenchResults.L, 50, 3, USAGE, Duration.ofMillis(320),
                        Duration.ofMillis(400)),
                new OperationFigure("deprovision", BenchResults.L, 50, 2, USAGE, Duration.ofMillis(220),
                        Duration.ofMillis(300)),
                new OperationFigure("read by identifier", BenchResults.L, 50, 0, USAGE, Duration.ofMillis(9),
                        Duration.ofMillis(30)),
                new OperationFigure("SCIM filter on userName", BenchResults.L, 50, 0.02, USAGE,
                        Duration.ofMillis(40), Duration.ofMillis(60)));
        CallbackFigure callbacks = new CallbackFigure(1000, 100, 2, Duration.ofSeconds(2), Duration.ofMillis(5),
                Duration.ofMillis(20), 1, 0, USAGE, 1000);
        List<StartupFigure> startups = FUNCTIONS.stream().map(function -> new StartupFigure(function, 3,
                Duration.ofSeconds(2), 180L << 20, 27L << 20, 31L << 20)).toList();
        Map<String, Duration> jvmStarts = startups.stream()
                .collect(Collectors.toMap(StartupFigure::function, StartupFigure::toFirstAnswer));
        List<CostModel.Workload> workloads = CostReport.workloads(jvmStarts, false, operations, callbacks, typical);
        List<CostModel.Workload> nativeWorkloads = images.isEmpty() ? List.of() : CostReport.workloads(
                images.stream().collect(Collectors.toMap(NativeImageFigure::function,
                        NativeImageFigure::toFirstAnswer)), true, operations, callbacks, typical);
        return new BenchResults(new MachineInfo(LocalDate.of(2026, 12, 4), 2, 8L << 30, "AMD EPYC", "OpenJDK 17",
                "Linux", 0.5), false, syncs, typical, operations, callbacks, startups, images, workloads,
                CostModel.bill(workloads, 1), nativeWorkloads,
                images.isEmpty() ? List.of() : CostModel.bill(nativeWorkloads, 1), Duration.ofSeconds(5), 0.7);
    }

    private static SyncFigure sync(int members, Duration latency, long wallMillis) {
        return new SyncFigure(members, latency, RunSummary.Mode.FULL, Duration.ofMillis(wallMillis),
                members / 1000 + 1, USAGE, true);
    }
}
