package dev.cwlifecycle.bench;

import java.time.Duration;
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

    static String markdown(BenchResults results) {
        StringBuilder doc = new StringBuilder("## Monthly cost of a typical tenant\n\n");
        doc.append(format("%d members; %d provisions, %d deprovisions and %,d callbacks a month; an incremental sync "
                        + "every 15 minutes (%,d in 30 days) and a full sync daily (%d).%n%n", MEMBERS, PROVISIONS,
                DEPROVISIONS, CALLBACKS, INCREMENTAL_SYNCS, FULL_SYNCS));
        doc.append(format("Prices: us-east-1 list prices as of %s (they may have changed since): Lambda x86 $%s per "
                        + "GB-s and $%.2f per million requests; DynamoDB on demand $%.3f per million write and $%.3f "
                        + "per million read request units; Secrets Manager $%.2f per secret-month and $%.2f per "
                        + "10,000 API calls. Free tiers are left out.%n%n", CostModel.PRICES_AS_OF,
                plain(CostModel.LAMBDA_PER_GB_SECOND), CostModel.LAMBDA_PER_MILLION_REQUESTS,
                CostModel.DYNAMODB_PER_MILLION_WRITE_UNITS, CostModel.DYNAMODB_PER_MILLION_READ_UNITS,
                CostModel.SECRET_PER_MONTH, CostModel.SECRETS_PER_10000_CALLS));
        doc.append(format("Assumptions: the JVM runtime at %d MB (template.yaml). At this traffic Lambda seldom "
                + "keeps an environment warm, so every invocation is billed as a cold one: the function's measured "
                + "start-up (which includes one invocation at L = 0) plus the handler's measured p50 or wall time at "
                + "L = 100 ms, an upper bound (SnapStart, or the native runtime at 256/512 MB, would cut it). The "
                + "sync figures are this tenant's own: a full run over an unchanged directory and an incremental run "
                + "with nothing changed. Every cold start reads the secret once. API Gateway (about $1 per million "
                + "HTTP API requests), CloudWatch Logs and DynamoDB storage (well under 1 MB) are left out.%n%n",
                CostModel.LAMBDA_MEMORY_MB));
        costs(doc, results.workloads(), results.bill());
        if (!results.nativeWorkloads().isEmpty()) {
            doc.append(format("%n### The native runtime at %d MB (sync %d MB, as template.yaml gives them)%n%n",
                    CostModel.NATIVE_MEMORY_MB, CostModel.NATIVE_SYNC_MEMORY_MB));
            doc.append("The same month with each function's native cold start (measured below \"Native images\") "
                    + "and the same handler times, measured on the JVM; the native code's own speed may differ.\n\n");
            costs(doc, results.nativeWorkloads(), results.nativeBill());
        }
        return doc.toString();
    }

    private static void costs(StringBuilder doc, List<CostModel.Workload> workloadList, List<CostModel.Line> lines) {
        MarkdownTable workloads = new MarkdownTable("workload", "per month", "billed per invocation", "GB-s",
                "WRU per invocation", "RRU per invocation");
        workloadList.forEach(workload -> workloads.row(workload.name(), count(workload.perMonth()),
                time(workload.billed()), format("%,.0f", workload.gigabyteSeconds()),
                count(workload.dynamo().writeUnits()), count(workload.dynamo().readUnits())));
        doc.append(workloads.render()).append('\n');
        MarkdownTable bill = new MarkdownTable("item", "basis", "per month");
        lines.forEach(line -> bill.row(line.item(), line.basis(), dollars(line.dollars())));
        bill.row("**total**", "", "**" + dollars(CostModel.total(lines)) + "**");
        doc.append(bill.render());
    }

    static String plain(double price) {
        return new java.math.BigDecimal(Double.toString(price)).toPlainString();
    }

    private static OperationFigure at(List<OperationFigure> operations, String name) {
        return operations.stream().filter(f -> f.operation().equals(name) && f.latency().equals(BenchReport.L))
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
