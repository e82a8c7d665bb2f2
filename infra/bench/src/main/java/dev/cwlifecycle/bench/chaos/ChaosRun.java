package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.bench.BenchTenants;
import dev.cwlifecycle.bench.CallbackEndpoint;
import dev.cwlifecycle.callback.CallbackHandler;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.mover.MoverHandler;
import dev.cwlifecycle.scim.ScimHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import dev.cwlifecycle.sync.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./run-chaos}: a seeded plan of mixed operations run twice through the real handlers, first with no fault
 * (to count the fault-free minimum of ConnectWise requests), then while the simulator injects faults on about one
 * request in five and callbacks arrive late, reversed and twice. With the faults off, one full sync; then the
 * invariants, {@code N passed, N failed}, and a non-zero exit on any failure.
 */
@ApplicationScoped
public class ChaosRun {

    /** Members ConnectWise has before the run, besides the people the plan provisions. */
    private static final int SEEDED_MEMBERS = 200;

    private final ProvisionHandler provision;
    private final DeprovisionHandler deprovision;
    private final MoverHandler mover;
    private final ScimHandler scim;
    private final SyncHandler sync;
    private final CallbackHandler callbacks;
    private final CallbackRegistration registration;
    private final MemberDirectory directory;
    private final BenchTenants tenants;

    @Inject
    public ChaosRun(ProvisionHandler provision, DeprovisionHandler deprovision, MoverHandler mover, ScimHandler scim,
                    SyncHandler sync, CallbackHandler callbacks, CallbackRegistration registration,
                    MemberDirectory directory, BenchTenants tenants) {
        this.provision = provision;
        this.deprovision = deprovision;
        this.mover = mover;
        this.scim = scim;
        this.sync = sync;
        this.callbacks = callbacks;
        this.registration = registration;
        this.directory = directory;
        this.tenants = tenants;
    }

    /**
     * The ConnectWise client's settings for a chaos run, set before start-up: a read timeout one of the faults
     * exceeds, and retry waits short enough for a thousand operations (a Retry-After of 1 s is still honoured).
     */
    public static Map<String, String> clientSettings() {
        return Map.of(
                "cw.connectwise.read-timeout", FaultMix.READ_TIMEOUT.toString(),
                "cw.connectwise.retry.initial-delay", "PT0.05S",
                "cw.connectwise.retry.max-delay", "PT2S",
                "cw.connectwise.retry.max-duration", "PT10S");
    }

    public int run(int operations, long seed) {
        ChaosPlan plan = ChaosPlan.generate(operations, seed);
        System.out.printf("Chaos run: seed %d, %d operations: %s%n", seed, operations, plan.mix());
        Pass baseline = pass(plan, "chaos-" + seed + "-baseline", false);
        System.out.printf("  fault-free pass: %,d ConnectWise requests%n", baseline.requests());
        Pass chaos = pass(plan, "chaos-" + seed, true);
        System.out.printf("  chaos pass: %,d ConnectWise requests, %,d of them faulted%n", chaos.requests(),
                chaos.faulted());
        ChaosReport report = new ChaosReport(chaos, baseline);
        report.print();
        return report.failed() == 0 ? 0 : 1;
    }

    /** What one pass did and found. */
    record Pass(ChaosLedger ledger, int requests, int faulted, int refusedCreates, List<String> untrueCallbacks,
                SyncResult finalSync, ChaosChecks.Differences differences, int duplicates, int seats,
                int callbackDeliveries, int callbackAnswers2xx) {
    }

    private Pass pass(ChaosPlan plan, String tenant, boolean faults) {
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(SEEDED_MEMBERS)
                .randomSeed(plan.seed())
                .callbackRetryDelays(CallbackSettling.FIRST_RETRY, CallbackSettling.SECOND_RETRY).start();
             CallbackEndpoint endpoint = CallbackEndpoint.start(callbacks::handle)) {
            tenants.point(tenant, simulator.baseUrl());
            registration.register(tenant, endpoint.url(tenant));
            sync.handle(new SyncRequest(null, tenant, "full", null));
            simulator.callbacks().hold();
            int logStart = simulator.requestLog().all().size();
            if (faults) {
                FaultMix.arm(simulator.faults());
            }
            ChaosLedger ledger = new ChaosLedger();
            ChaosDriver driver = new ChaosDriver(plan, tenant, simulator, endpoint, provision, deprovision, mover, scim,
                    sync, callbacks, directory, ledger);
            driver.runAll();
            simulator.faults().clear();
            driver.deliverHeld();
            List<RecordedRequest> log = simulator.requestLog().all();
            List<RecordedRequest> during = log.subList(logStart, log.size());
            int faulted = (int) during.stream().filter(request -> request.fault() != null).count();
            // the simulator refuses a second member with an office email or identifier in use (400 ObjectExists)
            int refusedCreates = (int) during.stream().filter(request -> request.method().equals("POST")
                    && request.path().equals("/system/members") && request.status() == 400).count();
            List<String> untrueCallbacks = ChaosChecks.untrueCallbackAnswers(endpoint.exchanges(), directory, tenant);
            SyncResult finalSync = sync.handle(new SyncRequest(null, tenant, "full", null));
            SimMembers members = simulator.members(BenchTenants.COMPANY);
            Set<String> emails = ledger.peopleRequested().stream().map(person -> People.email(plan.seed(), person))
                    .collect(Collectors.toSet());
            List<CallbackEndpoint.Exchange> exchanges = endpoint.exchanges();
            return new Pass(ledger, during.size(), faulted, refusedCreates, untrueCallbacks, finalSync,
                    ChaosChecks.directoryDifferences(members, directory, tenant),
                    ChaosChecks.duplicates(members, emails), ChaosChecks.seats(members, emails), exchanges.size(),
                    (int) exchanges.stream().filter(exchange -> exchange.status() / 100 == 2).count());
        }
    }
}
