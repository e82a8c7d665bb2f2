package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.List;

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

    /** The month's invocations, each billed its function's cold start plus the handler's time at L = 100 ms. */
    static List<CostModel.Workload> workloads(List<StartupFigure> startups, List<OperationFigure> operations,
                                              CallbackFigure callbacks, List<SyncFigure> typicalTenant) {
        OperationFigure provision = at(operations, "provision");
        OperationFigure deprovision = at(operations, "deprovision");
        SyncFigure steadyFull = typicalTenant.get(1);
        SyncFigure incremental = typicalTenant.get(2);
        return List.of(
                new CostModel.Workload("provision", PROVISIONS, cold(startups, "provision").plus(provision.p50()),
                        provision.dynamoPerOperation()),
                new CostModel.Workload("deprovision", DEPROVISIONS,
                        cold(startups, "deprovision").plus(deprovision.p50()), deprovision.dynamoPerOperation()),
                new CostModel.Workload("callback", CALLBACKS, cold(startups, "callback").plus(callbacks.p50()),
                        callbacks.dynamoPerCallback()),
                new CostModel.Workload("incremental sync", INCREMENTAL_SYNCS,
                        cold(startups, "sync").plus(incremental.wall()), incremental.dynamo()),
                new CostModel.Workload("full sync", FULL_SYNCS, cold(startups, "sync").plus(steadyFull.wall()),
                        steadyFull.dynamo()));
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
        MarkdownTable workloads = new MarkdownTable("workload", "per month", "billed per invocation", "GB-s",
                "WRU per invocation", "RRU per invocation");
        results.workloads().forEach(workload -> workloads.row(workload.name(), count(workload.perMonth()),
                time(workload.billed()), format("%,.0f", workload.gigabyteSeconds()),
                count(workload.dynamo().writeUnits()), count(workload.dynamo().readUnits())));
        doc.append(workloads.render()).append('\n');
        MarkdownTable bill = new MarkdownTable("item", "basis", "per month");
        results.bill().forEach(line -> bill.row(line.item(), line.basis(), dollars(line.dollars())));
        bill.row("**total**", "", "**" + dollars(CostModel.total(results.bill())) + "**");
        doc.append(bill.render());
        return doc.toString();
    }

    static String plain(double price) {
        return new java.math.BigDecimal(Double.toString(price)).toPlainString();
    }

    private static OperationFigure at(List<OperationFigure> operations, String name) {
        return operations.stream().filter(f -> f.operation().equals(name) && f.latency().equals(BenchReport.L))
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + name + " figure at L = 100 ms"));
    }

    private static Duration cold(List<StartupFigure> startups, String function) {
        return startups.stream().filter(f -> f.function().equals(function)).findFirst()
                .map(StartupFigure::toFirstAnswer)
                .orElseThrow(() -> new IllegalStateException("No start-up figure for " + function));
    }
}
