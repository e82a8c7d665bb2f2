package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.sync.SyncResult;

import java.util.ArrayList;
import java.util.List;

/** The chaos run's verdict: each invariant passed or failed with its figures, then {@code N passed, N failed}. */
final class ChaosReport {

    /** Faults should hit about one request in five; outside this band the run did not test what it claims. */
    private static final double LEAST_FAULT_SHARE = 0.10;
    private static final double MOST_FAULT_SHARE = 0.30;

    private record Invariant(String name, boolean passed, String figures, List<String> examples) {
    }

    private final ChaosRun.Pass chaos;
    private final ChaosRun.Pass baseline;
    private final List<Invariant> invariants = new ArrayList<>();

    ChaosReport(ChaosRun.Pass chaos, ChaosRun.Pass baseline) {
        this.chaos = chaos;
        this.baseline = baseline;
        check();
    }

    int failed() {
        return (int) invariants.stream().filter(invariant -> !invariant.passed()).count();
    }

    void print() {
        ChaosLedger ledger = chaos.ledger();
        System.out.println("Outcomes:");
        ledger.outcomes().forEach((outcome, count) -> System.out.printf("  %5d  %s%n", count, outcome));
        System.out.printf("  callbacks: %,d deliveries answered, %,d of them 2xx (the rest 429: ConnectWise "
                + "delivers those again)%n", chaos.callbackDeliveries(), chaos.callbackAnswers2xx());
        if (ledger.membersFoundAfterAmbiguousAttempts() > 0) {
            System.out.printf("  %d provision(s) ended without an answer, created the member all the same, and the "
                    + "retry answered 409 member-exists with its memberId%n",
                    ledger.membersFoundAfterAmbiguousAttempts());
        }
        if (chaos.refusedCreates() > 0) {
            System.out.printf("  WARNING: ConnectWise refused %d create(s) of a member whose office email or "
                    + "identifier was in use (400 ObjectExists). This happens when a create that timed out is still "
                    + "running in ConnectWise while the provision looks the person up and creates them again; on a "
                    + "site that accepts a second member with one email (unverified for the real API) it is a "
                    + "duplicate.%n",
                    chaos.refusedCreates());
        }
        System.out.println("Invariants:");
        for (Invariant invariant : invariants) {
            System.out.printf("  %s  %s: %s%n", invariant.passed() ? "PASS" : "FAIL", invariant.name(),
                    invariant.figures());
            invariant.examples().stream().limit(5).forEach(example -> System.out.println("        " + example));
        }
        System.out.printf("Cost of resilience: ConnectWise received %,d requests against a fault-free minimum of %,d"
                + " for the same plan (%.2f x)%n", chaos.requests(), baseline.requests(),
                chaos.requests() / (double) Math.max(1, baseline.requests()));
        System.out.printf("%d passed, %d failed%n", invariants.size() - failed(), failed());
    }

    private void check() {
        ChaosLedger ledger = chaos.ledger();
        add("duplicate members created", chaos.duplicates() == 0, String.valueOf(chaos.duplicates()), List.of());
        add("seats used against distinct people provisioned", chaos.seats() <= ledger.peopleRequested().size(),
                "%d seats for %d distinct people asked for (%d of them answered 2xx at least once)".formatted(
                        chaos.seats(), ledger.peopleRequested().size(), ledger.peopleProvisioned().size()),
                List.of());
        add("directory rows differing from ConnectWise's members", chaos.differences().differing() == 0,
                "%d of %d members".formatted(chaos.differences().differing(), chaos.differences().compared()),
                chaos.differences().examples());
        List<String> untrue = new ArrayList<>(ledger.untrueSuccesses());
        untrue.addAll(chaos.untrueCallbacks());
        add("operations answered 2xx (or a specific refusal) that did not happen", untrue.isEmpty(),
                String.valueOf(untrue.size()), untrue);
        add("operations failed without a clear error", ledger.unclearFailures().isEmpty(),
                "%d (%d failed with a clear error)".formatted(ledger.unclearFailures().size(),
                        ledger.clearFailures()), ledger.unclearFailures());
        add("final full sync with faults off completed", chaos.finalSync().status() == SyncResult.Status.COMPLETE,
                chaos.finalSync().status().name(), List.of());
        double share = chaos.faulted() / (double) Math.max(1, chaos.requests());
        add("faults injected on about one request in five",
                chaos.requests() < 100 || share >= LEAST_FAULT_SHARE && share <= MOST_FAULT_SHARE,
                "%,d of %,d ConnectWise requests (%.1f%%)".formatted(chaos.faulted(), chaos.requests(), share * 100),
                List.of());
    }

    private void add(String name, boolean passed, String figures, List<String> examples) {
        invariants.add(new Invariant(name, passed, figures, examples));
    }
}
