package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly AWS bill of one tenant from the measured calls and durations, at published us-east-1 list prices
 * (x86 Lambda, DynamoDB on demand, Secrets Manager), free tiers left out.
 */
final class CostModel {

    /** The prices used and when they were read; list prices, which may have changed since. */
    static final String PRICES_AS_OF = "2026-11-22";
    static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    static final double DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
    static final double DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
    static final double SECRET_PER_MONTH = 0.40;
    static final double SECRETS_PER_10000_CALLS = 0.05;
    /** template.yaml's memory for the JVM runtime. */
    static final int LAMBDA_MEMORY_MB = 1024;
    /** template.yaml's memory for the native runtime: the API functions, and the sync. */
    static final int NATIVE_MEMORY_MB = 256;
    static final int NATIVE_SYNC_MEMORY_MB = 512;

    /** One kind of invocation: how often a month, what each is billed and at what memory, what it costs DynamoDB. */
    record Workload(String name, int perMonth, Duration billed, int memoryMb, DynamoDbUsage dynamo) {

        double gigabyteSeconds() {
            return perMonth * Math.ceil(billed.toNanos() / 1e6) / 1000.0 * memoryMb / 1024.0;
        }
    }

    /** One line of the bill. */
    record Line(String item, String basis, double dollars) {
    }

    private CostModel() {
    }

    static List<Line> bill(List<Workload> workloads, int secrets) {
        long invocations = workloads.stream().mapToLong(Workload::perMonth).sum();
        double gbSeconds = workloads.stream().mapToDouble(Workload::gigabyteSeconds).sum();
        double writeUnits = workloads.stream().mapToDouble(w -> w.perMonth() * w.dynamo().writeUnits()).sum();
        double readUnits = workloads.stream().mapToDouble(w -> w.perMonth() * w.dynamo().readUnits()).sum();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Lambda compute", "%,.0f GB-s x $%s".formatted(gbSeconds,
                Figures.plain(LAMBDA_PER_GB_SECOND)), gbSeconds * LAMBDA_PER_GB_SECOND));
        lines.add(new Line("Lambda requests", "%,d x $%.2f per million".formatted(invocations,
                LAMBDA_PER_MILLION_REQUESTS), invocations * LAMBDA_PER_MILLION_REQUESTS / 1e6));
        lines.add(new Line("DynamoDB writes", "%,.0f WRU x $%.3f per million".formatted(writeUnits,
                DYNAMODB_PER_MILLION_WRITE_UNITS), writeUnits * DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6));
        lines.add(new Line("DynamoDB reads", "%,.0f RRU x $%.3f per million".formatted(readUnits,
                DYNAMODB_PER_MILLION_READ_UNITS), readUnits * DYNAMODB_PER_MILLION_READ_UNITS / 1e6));
        lines.add(new Line("Secrets Manager secret", "%d x $%.2f per secret-month".formatted(secrets,
                SECRET_PER_MONTH), secrets * SECRET_PER_MONTH));
        // the secret is cached per execution environment: every cold start reads it once
        lines.add(new Line("Secrets Manager calls", "%,d GetSecretValue x $%.2f per 10,000".formatted(invocations,
                SECRETS_PER_10000_CALLS), invocations * SECRETS_PER_10000_CALLS / 1e4));
        return lines;
    }

    static double total(List<Line> bill) {
        return bill.stream().mapToDouble(Line::dollars).sum();
    }
}
