package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.Conditions;
import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.MemberQuery;
import dev.cwlifecycle.connectwise.RequestCounter;
import dev.cwlifecycle.connectwise.error.BadRequestException;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.SecurityRole;
import dev.cwlifecycle.lifecycle.exceptions.MemberInactive;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.lifecycle.exceptions.OfficeEmailHeld;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.store.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes an active member (the mover): reads it once, works out which of the asked fields differ, and sends one
 * JSON Patch with exactly those, so a field someone else changes in ConnectWise meanwhile is never written back.
 * With a warm role cache that is two requests; a new office email costs one more, the look for another active
 * member holding it. Nothing to change is no ConnectWise write at all. Changes of one member run one at a time
 * ({@link MemberLeases}); the directory row is refreshed from what ConnectWise answered, only if newer.
 */
@ApplicationScoped
public class Mover {

    private static final Map<String, String> LICENSE_CLASSES = Map.of("F", "F (full member)", "A", "A (API member)",
            "C", "C (StreamlineIT)", "X", "X (subcontractor)");

    private final ConnectWiseClients clients;
    private final MemberLeases leases;
    private final DirectoryRefresh directory;
    private final Clock clock;

    @Inject
    public Mover(ConnectWiseClients clients, MemberLeases leases, DirectoryRefresh directory, Clock clock) {
        this.clients = clients;
        this.leases = leases;
        this.directory = directory;
        this.clock = clock;
    }

    public MoveOutcome move(String tenant, MemberChange change) {
        RequestCounter counter = new RequestCounter();
        ConnectWiseClient client = clients.forTenant(tenant).counting(counter);
        SecurityRole role = change.namesRole() ? SetupReferences.role(client, change.role(), change.roleId()) : null;
        SetupReferences.requireKnown(client, change.defaultLocationId(), change.defaultDepartmentId(),
                change.timeZoneId(), change.memberTypeId());
        Instant lookedUp = clock.instant();
        Member found = find(client, change);
        if (change.dryRun()) {
            return move(tenant, client, found, change, role, counter);
        }
        return leases.exclusively(tenant, found.id(), released -> {
            Member current = !MemberLeases.mayBeStale(released, lookedUp) ? found
                    : Deprovisioner.current(client, found.id()).orElseThrow(() -> new MemberNotFound(change.named()));
            return move(tenant, client, current, change, role, counter);
        });
    }

    private MoveOutcome move(String tenant, ConnectWiseClient client, Member member, MemberChange change,
                             SecurityRole role, RequestCounter counter) {
        if (!member.active()) {
            throw MemberInactive.notChangeable(member.id(), member.identifier());
        }
        MemberDifference difference = MemberDifference.between(member, change, role);
        if (difference.isEmpty()) {
            if (!change.dryRun()) {
                // e.g. a retry after an answer that never came: the patch was made, the directory may lack it
                directory.record(tenant, member, DirectoryEntry.Source.MOVER);
            }
            return outcome("unchanged", member, difference, MemberState.of(member), change, counter);
        }
        if (difference.has("email") && !OfficeEmail.same(change.email(), member.officeEmail())) {
            requireNoOtherActive(client, member, change.email());
        }
        if (change.dryRun()) {
            return outcome("would-update", member, difference, MemberState.of(member).with(change, role), change,
                    counter);
        }
        Member patched;
        try {
            patched = client.patch(member.id(), difference.patch(
                    change.ticket() == null ? null : MemberNotes.changed(member.notes(), change.ticket())));
        } catch (BadRequestException refused) {
            throw SetupReferences.refused(refused);
        }
        directory.record(tenant, patched, DirectoryEntry.Source.MOVER);
        return outcome("updated", member, difference, MemberState.of(patched), change, counter);
    }

    /** ConnectWise keeps no office email unique, so we do: no second active member may get one. */
    private static void requireNoOtherActive(ConnectWiseClient client, Member member, String email) {
        client.members(MemberQuery.where(Conditions.field("officeEmail").eq(email)
                        .and(Conditions.field("inactiveFlag").eq(false))).fields("id", "identifier", "officeEmail"))
                .filter(other -> !other.id().equals(member.id()) && OfficeEmail.same(email, other.officeEmail()))
                .findFirst().ifPresent(other -> {
                    throw new OfficeEmailHeld(other.id(), other.identifier());
                });
    }

    private static Member find(ConnectWiseClient client, MemberChange change) {
        return (change.identifier() != null ? client.findByIdentifier(change.identifier())
                : Deprovisioner.current(client, change.memberId()))
                .orElseThrow(() -> new MemberNotFound(change.named()));
    }

    private static MoveOutcome outcome(String outcome, Member member, MemberDifference difference, MemberState after,
                                       MemberChange change, RequestCounter counter) {
        List<String> changed = difference.names();
        String seatChange = difference.has("licenseClass")
                ? "the licence class changes from " + describe(member.licenseClass()) + " to "
                + describe(after.licenseClass()) + ": this changes a paid seat" : null;
        return new MoveOutcome(outcome, member.id(), member.identifier(), changed, after, seatChange, change.ticket(),
                counter.requests());
    }

    private static String describe(String licenseClass) {
        return licenseClass == null ? "none" : LICENSE_CLASSES.getOrDefault(licenseClass, licenseClass);
    }
}
