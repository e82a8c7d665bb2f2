package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.cwlifecycle.bench.Figures.count;
import static dev.cwlifecycle.bench.Figures.dollars;
import static dev.cwlifecycle.bench.Figures.format;
import static dev.cwlifecycle.bench.Figures.time;

/** The cost section: the typical tenant, its workloads as measured, the prices and the bill. */
final class CostReport {

    /** The typical tenant: 500 members and a month's traffic. */
    static final int MEMBERS = 500;
    static final int PROVISIONS = 50;
    static final int DEPROVISIONS = 50;
    static final int CALLBACKS = 2000;
    /** Every 15 minutes for 30 days, and the daily full run on top (template.yaml's two schedules). */
    static final int INCREMENTAL_SYNCS = 4 * 24 * 30;
    static final int FULL_SYNCS = 30;

    private CostReport() {
    }

    /**
     * The month's invocations, each billed its function's cold start ({@code startups}: function to start-up) plus
     * the handler's time at L = 100 ms, at the memory {@code template.yaml} gives the function in that runtime.
     */
    static List<CostModel.Workload> workloads(Map<String, Duration> startups, boolean nativeRuntime,
                                              List<OperationFigure> operations, CallbackFigure callbacks,
                                              List<SyncFigure> typicalTenant) {
        OperationFigure provision = at(operations, "provision");
        OperationFigure deprovision = at(operations, "deprovision");
        SyncFigure steadyFull = typicalTenant.get(1);
        SyncFigure incremental = typicalTenant.get(2);
        int memoryMb = nativeRuntime ? CostModel.NATIVE_MEMORY_MB : CostModel.LAMBDA_MEMORY_MB;
        int syncMemoryMb = nativeRuntime ? CostModel.NATIVE_SYNC_MEMORY_MB : CostModel.LAMBDA_MEMORY_MB;
        return List.of(
                new CostModel.Workload("provision", PROVISIONS, cold(startups, "provision").plus(provision.p50()),
                        memoryMb, provision.dynamoPerOperation()),
                new CostModel.Workload("deprovision", DEPROVISIONS,
                        cold(startups, "deprovision").plus(deprovision.p50()), memoryMb,
                        deprovision.dynamoPerOperation()),
                new CostModel.Workload("callback", CALLBACKS, cold(startups, "callback").plus(callbacks.p50()),
                        memoryMb, callbacks.dynamoPerCallback()),
                new CostModel.Workload("incremental sync", INCREMENTAL_SYNCS,
                        cold(startups, "sync").plus(incremental.wall()), syncMemoryMb, incremental.dynamo()),
                new CostModel.Workload("full sync", FULL_SYNCS, cold(startups, "sync").plus(steadyFull.wall()),
                        syncMemoryMb, steadyFull.dynamo()));
    }

    /** The cost section's placeholders: the tenant, the prices, the JVM's bill and (when measured) the native one. */
    static Map<String, String> values(BenchResults results, ReportTemplate template) {
        Map<String, String> values = new HashMap<>(Map.of(
                "members", count(MEMBERS), "provisions", count(PROVISIONS), "deprovisions", count(DEPROVISIONS),
                "callbacks-per-month", count(CALLBACKS), "incremental-syncs", count(INCREMENTAL_SYNCS),
                "full-syncs", count(FULL_SYNCS), "prices-as-of", CostModel.PRICES_AS_OF,
                "gb-second", Figures.plain(CostModel.LAMBDA_PER_GB_SECOND),
                "per-million-requests", format("%.2f", CostModel.LAMBDA_PER_MILLION_REQUESTS),
                "per-million-writes", format("%.3f", CostModel.DYNAMODB_PER_MILLION_WRITE_UNITS)));
        values.putAll(Map.of(
                "per-million-reads", format("%.3f", CostModel.DYNAMODB_PER_MILLION_READ_UNITS),
                "per-secret-month", format("%.2f", CostModel.SECRET_PER_MONTH),
                "per-10000-secret-calls", format("%.2f", CostModel.SECRETS_PER_10000_CALLS),
                "jvm-memory", Integer.toString(CostModel.LAMBDA_MEMORY_MB),
                "native-memory", Integer.toString(CostModel.NATIVE_MEMORY_MB),
                "native-sync-memory", Integer.toString(CostModel.NATIVE_SYNC_MEMORY_MB),
                "jvm-cost", costs(results.workloads(), results.bill())));
        values.put("native-cost", results.nativeWorkloads().isEmpty() ? "" : template.fill("native-cost", Map.of(
                "native-memory", values.get("native-memory"), "native-sync-memory", values.get("native-sync-memory"),
                "native-cost-tables", costs(results.nativeWorkloads(), results.nativeBill()))));
        return values;
    }

    private static String costs(List<CostModel.Workload> workloadList, List<CostModel.Line> lines) {
        MarkdownTable workloads = new MarkdownTable("workload", "per month", "billed per invocation", "GB-s",
                "WRU per invocation", "RRU per invocation");
        workloadList.forEach(workload -> workloads.row(workload.name(), count(workload.perMonth()),
                time(workload.billed()), format("%,.0f", workload.gigabyteSeconds()),
                count(workload.dynamo().writeUnits()), count(workload.dynamo().readUnits())));
        MarkdownTable bill = new MarkdownTable("item", "basis", "per month");
        lines.forEach(line -> bill.row(line.item(), line.basis(), dollars(line.dollars())));
        bill.row("**total**", "", "**" + dollars(CostModel.total(lines)) + "**");
        return workloads.render() + "\n" + bill.render();
    }

    private static OperationFigure at(List<OperationFigure> operations, String name) {
        return operations.stream().filter(f -> f.operation().equals(name) && f.latency().equals(BenchResults.L))
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + name + " figure at L = 100 ms"));
    }

    private static Duration cold(Map<String, Duration> startups, String function) {
        Duration startup = startups.get(function);
        if (startup == null) {
            throw new IllegalStateException("No start-up figure for " + function);
        }
        return startup;
    }
}
