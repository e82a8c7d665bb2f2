package dev.cwlifecycle.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.testing.MovableClock;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.RunSummary;
import dev.cwlifecycle.store.StoreConfig;
import dev.cwlifecycle.store.SyncStateStore;
import dev.cwlifecycle.testing.FunctionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: a future-dated row the full sync could not repair, and a run killed between pages. */
@QuarkusTest
@QuarkusTestResource(value = FunctionTestResource.class, initArgs = @ResourceArg(name = "members", value = "10000"))
class SyncHardeningTest {

    private static final String TENANT = SynchronizerTest.TENANT;

    @Inject
    SyncHandler handler;
    @Inject
    SyncStateStore syncState;
    @Inject
    MemberDirectory directory;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    StoreConfig storeConfig;
    @Inject
    SyncConfig config;
    @Inject
    ConnectWiseClients clients;

    private ConnectWiseSimulator simulator;
    private SimMembers members;

    @BeforeEach
    void startFresh() {
        simulator = FunctionTestResource.simulator();
        members = simulator.members("acme");
        simulator.faults().clear();
        BetweenPages.clear();
        new StoredState(dynamo, storeConfig).forget(TENANT);
    }

    @AfterEach
    void stopActing() {
        BetweenPages.clear();
    }

    @Test
    void aFullRunOverwritesARowDatedInTheFutureWhichIncrementalRunsLeaveAlone() {
        assertEquals(SyncResult.Status.COMPLETE, run("full").status());
        long memberId = members.all().get(0).get("id").asLong();
        DirectoryEntry synced = entry(memberId);
        directory.upsertIfNewer(new DirectoryEntry(TENANT, memberId, synced.identifier(), synced.firstName(), "Frozen",
                synced.officeEmail(), synced.securityRole(), synced.licenseClass(), true,
                Instant.parse("2099-01-01T00:00:00Z"), DirectoryEntry.Source.CALLBACK, false, false));
        members.update(memberId, member -> member.put("lastName", "Later"));

        assertEquals(SyncResult.Status.COMPLETE, run("incremental").status());
        assertEquals("Frozen", entry(memberId).lastName(), "incremental runs keep \"only if newer\"");

        SyncResult full = run("full");

        assertEquals(SyncResult.Status.COMPLETE, full.status());
        assertEquals("Later", entry(memberId).lastName());
        assertEquals(SynchronizerTest.lastUpdated(members.get(memberId)), entry(memberId).lastUpdated());
        assertDirectoryEqualsConnectWise();
    }

    @Test
    void aRunKilledBetweenPagesBlocksTheNextOnlyUntilItsLeaseExpiresThenTheNextCompletes() {
        MovableClock clock = new MovableClock(Instant.now());
        DyingProcess process = new DyingProcess(directory, syncState);
        Synchronizer dying = new Synchronizer(clients, process, process, config, storeConfig, clock);
        Synchronizer next = new Synchronizer(clients, syncState, directory, config, storeConfig, clock);
        AtomicInteger answered = new AtomicInteger();
        // the process dies once ConnectWise has answered the second page, after page one went to the writer
        BetweenPages.on(simulator, page -> {
            if (answered.incrementAndGet() == 2) {
                process.kill();
            }
        });

        assertThrows(IllegalStateException.class, () -> dying.run(TENANT, RunSummary.Mode.FULL, budget(clock)));
        BetweenPages.clear();
        assertTrue(directory.scan(TENANT).count() < members.size(), "the killed run wrote part of the directory");

        Duration leaseTtl = storeConfig.functionTimeout().plus(config.leaseGrace());
        clock.advance(leaseTtl.minusSeconds(1));
        assertEquals(SyncResult.Status.SKIPPED, next.run(TENANT, RunSummary.Mode.FULL, budget(clock)).status(),
                "the killed run's lease blocks the next until the function timeout plus the grace");
        clock.advance(Duration.ofSeconds(2));

        SyncResult after = next.run(TENANT, RunSummary.Mode.FULL, budget(clock));

        assertEquals(SyncResult.Status.COMPLETE, after.status());
        assertDirectoryEqualsConnectWise();
    }

    private SyncResult run(String mode) {
        return handler.handle(new SyncRequest(null, TENANT, mode, null));
    }

    private RunBudget budget(MovableClock clock) {
        return new RunBudget(clock, clock.instant().plus(Duration.ofMinutes(5)));
    }

    private DirectoryEntry entry(long memberId) {
        return directory.get(TENANT, memberId).orElseThrow();
    }

    /** Every ConnectWise member as ConnectWise has it now, and no other live row. */
    private void assertDirectoryEqualsConnectWise() {
        Map<Long, DirectoryEntry> live = directory.scan(TENANT).filter(entry -> !entry.deleted())
                .collect(Collectors.toMap(DirectoryEntry::memberId, Function.identity()));
        assertEquals(members.size(), live.size());
        for (ObjectNode member : members.all()) {
            DirectoryEntry entry = live.get(member.get("id").asLong());
            assertEquals(SynchronizerTest.lastUpdated(member), entry.lastUpdated(), member.toString());
            assertEquals(member.get("lastName").asText(), entry.lastName());
            assertEquals(member.get("identifier").asText(), entry.identifier());
        }
    }
}
