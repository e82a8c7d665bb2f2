package dev.cwlifecycle.bench.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.SimMembers;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.DynamoDbMemberDirectory;
import dev.cwlifecycle.testing.DynamoDbLocalExtension;
import dev.cwlifecycle.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocalExtension.class)
class ChaosChecksTest {

    private final ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(5).start();
    private final SimMembers members = simulator.members("acme");
    private final DynamoDbClient dynamo = DynamoDbLocalExtension.newClient();
    private final DynamoDbMemberDirectory directory = new DynamoDbMemberDirectory(dynamo,
            DynamoDbLocalExtension.storeConfig(), new MovableClock());
    private final String tenant = "checks-" + UUID.randomUUID();

    @AfterEach
    void close() {
        directory.close();
        dynamo.close();
        simulator.close();
    }

    @Test
    void aMirrorOfEveryMemberHasNoDifferences() {
        // GIVEN
        mirror();

        // WHEN / THEN
        ChaosChecks.Differences differences = ChaosChecks.directoryDifferences(members, directory, tenant);
        assertEquals(0, differences.differing());
        assertEquals(5, differences.compared());
    }

    @Test
    void aStaleRowAMissingRowAndALiveRowForAGoneMemberEachDiffer() {
        // GIVEN a mirror, then ConnectWise renames one member, one row is lost and a row names a member ConnectWise
        // never had; a tombstone for a gone member is as it should be
        mirror();
        List<ObjectNode> all = members.all();
        members.update(all.get(0).get("id").asLong(), member -> member.put("firstName", "Renamed"));
        directory.tombstone(tenant, all.get(1).get("id").asLong(), Instant.now().plusSeconds(3600));
        directory.upsertIfNewer(new DirectoryEntry(tenant, 9_999, "ghost", "Gho", "St", "ghost@acme.example",
                "Technician", "F", true, Instant.parse("2026-01-01T00:00:00Z"), DirectoryEntry.Source.SYNC, false,
                false));
        directory.upsertIfNewer(new DirectoryEntry(tenant, 9_998, "gone", "Go", "Ne", "gone@acme.example",
                "Technician", "F", true, Instant.parse("2026-01-01T00:00:00Z"), DirectoryEntry.Source.SYNC, false,
                false));
        directory.tombstone(tenant, 9_998, Instant.parse("2026-01-02T00:00:00Z"));

        // WHEN
        ChaosChecks.Differences differences = ChaosChecks.directoryDifferences(members, directory, tenant);

        // THEN the renamed member, the tombstoned live member and the ghost
        assertEquals(3, differences.differing());
        assertTrue(differences.examples().stream().anyMatch(example -> example.contains("9999")));
    }

    @Test
    void seatsAreActiveFullMembersOfThePeopleAskedFor() {
        // GIVEN the emails of every member, one of them made inactive
        List<ObjectNode> all = members.all();
        Set<String> emails = Set.copyOf(all.stream().map(member -> member.get("officeEmail").asText()).toList());
        long activeFull = all.stream().filter(member -> !member.get("inactiveFlag").asBoolean())
                .filter(member -> "F".equals(member.get("licenseClass").asText())).count();
        ObjectNode seat = all.stream().filter(member -> !member.get("inactiveFlag").asBoolean())
                .filter(member -> "F".equals(member.get("licenseClass").asText())).findFirst().orElseThrow();
        members.update(seat.get("id").asLong(), member -> member.put("inactiveFlag", true));

        // WHEN / THEN
        assertEquals(activeFull - 1, ChaosChecks.seats(members, emails));
        assertEquals(0, ChaosChecks.duplicates(members, emails));
    }

    @Test
    void aSecondMemberWhoseEmailDiffersOnlyByAnInvisibleCharacterOrCaseIsADuplicate() {
        // GIVEN one person asked for, and two more members for her: a zero-width space, then upper case
        ObjectNode first = members.all().get(0);
        String email = first.get("officeEmail").asText();
        members.create(first.deepCopy().put("identifier", "zwsp").put("officeEmail", email.replace("@", "\u200B@")));
        members.create(first.deepCopy().put("identifier", "upper").put("officeEmail", email.toUpperCase()
                .replace("@", "\u00A0@")));

        // WHEN / THEN
        assertEquals(2, ChaosChecks.duplicates(members, Set.of(email)));
    }

    private void mirror() {
        members.all().forEach(json -> directory.upsertIfNewer(DirectoryEntry.of(tenant, member(json),
                DirectoryEntry.Source.SYNC)));
    }

    private static Member member(ObjectNode json) {
        try {
            return ConnectWiseJson.MAPPER.readValue(json.toString(), Member.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
