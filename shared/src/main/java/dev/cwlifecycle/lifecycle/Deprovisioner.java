package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.RequestCounter;
import dev.cwlifecycle.connectwise.error.ConflictException;
import dev.cwlifecycle.connectwise.error.MethodNotAllowedException;
import dev.cwlifecycle.connectwise.error.NotAppliedException;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.connectwise.model.MemberDeactivation;
import dev.cwlifecycle.connectwise.model.MemberReference;
import dev.cwlifecycle.connectwise.model.MemberUsage;
import dev.cwlifecycle.lifecycle.Departure.Mode;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetInvalid;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetUnknown;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.store.DirectoryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a member out of service: deactivation by JSON Patch (default; history kept), deactivation through
 * {@code /deactivate} with a hand-over member, or a hard delete that falls back to deactivation when ConnectWise
 * refuses it (history: 409; no such endpoint: 404/405). Already inactive is success with no write.
 */
@ApplicationScoped
public class Deprovisioner {

    private final ConnectWiseClients clients;
    private final MemberLeases leases;
    private final DirectoryRefresh directory;
    private final Clock clock;

    @Inject
    public Deprovisioner(ConnectWiseClients clients, MemberLeases leases, DirectoryRefresh directory, Clock clock) {
        this.clients = clients;
        this.leases = leases;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Finds the member, then changes it holding its lease ({@link MemberLeases}): two deprovisions of one member,
     * however each names it, never both write. One that finds the lease let go since it looked the member up reads
     * the member again first, so it sees the other's write (already inactive: nothing to do).
     */
    public DeprovisionOutcome deprovision(String tenant, Departure request) {
        RequestCounter counter = new RequestCounter();
        ConnectWiseClient client = clients.forTenant(tenant).counting(counter);
        Instant lookedUp = clock.instant();
        Member found = find(client, request).orElseThrow(() -> new MemberNotFound(request.named()));
        if (request.dryRun()) {
            return deprovision(tenant, client, found, request, counter);
        }
        return leases.exclusively(tenant, found.id(), released -> {
            if (!MemberLeases.mayBeStale(released, lookedUp)) {
                return deprovision(tenant, client, found, request, counter);
            }
            Optional<Member> current = current(client, found.id());
            return current.isPresent() ? deprovision(tenant, client, current.get(), request, counter)
                    : result(found, "deleted", "none", "already deleted", counter);
        });
    }

    private DeprovisionOutcome deprovision(String tenant, ConnectWiseClient client, Member member,
                                           Departure request, RequestCounter counter) {
        Mode mode = request.mode();
        String kept = null;
        if (mode == Mode.DELETE) {
            if (request.dryRun()) {
                return result(member, "deleted", "would-delete", "a refused delete falls back to deactivation",
                        counter);
            }
            try {
                client.delete(member.id());
                return result(member, "deleted", "deleted", null, counter);
            } catch (ConflictException history) {
                kept = "kept: ConnectWise refused the delete (409, the member has history)";
            } catch (NotFoundException | MethodNotAllowedException unsupported) {
                if (unsupported instanceof NotFoundException missing && !missing.routeMissing()) {
                    return result(member, "deleted", "none", "already deleted", counter);
                }
                kept = "kept: this ConnectWise site has no member delete (" + unsupported.status() + ")";
            }
        }
        if (!member.active()) {
            return result(member, "inactive", "none", join("already inactive", kept), counter);
        }
        if (request.dryRun()) {
            return result(member, "inactive", mode == Mode.HANDOVER ? "would-hand-over" : "would-deactivate",
                    null, counter);
        }
        if (mode == Mode.HANDOVER) {
            return handOver(client, member, request, counter);
        }
        Member deactivated = client.deactivate(member.id(), clock.instant());
        verifyInactive(deactivated);
        directory.record(tenant, deactivated, DirectoryEntry.Source.DEPROVISION);
        return result(member, "inactive", "deactivated", kept, counter);
    }

    /**
     * Deactivates through {@code /deactivate}, every kind of open work to the successor, then checks that nothing
     * handed over still points at the leaver. Work the spec cannot hand over (e.g. open tickets) is reported.
     */
    private static DeprovisionOutcome handOver(ConnectWiseClient client, Member member, Departure request,
                                              RequestCounter counter) {
        Member successor = successor(client, member, request.handoverTo());
        MemberDeactivation handover = MemberDeactivation.handingAllTo(
                new MemberReference(successor.id(), successor.identifier(), null), client.usages(member.id()),
                request.deleteOpenTimeSheets());
        Map<String, Integer> handedOver = client.deactivate(member.id(), handover);
        verifyInactive(client.member(member.id()));
        Map<String, Integer> left = new LinkedHashMap<>();
        client.usages(member.id()).stream().filter(MemberUsage::any)
                .forEach(usage -> left.merge(usage.typeKey(), usage.count(), Integer::sum));
        List<String> notTaken = left.keySet().stream().filter(handover::handsOver).toList();
        if (!notTaken.isEmpty()) {
            throw new NotAppliedException("POST", "/system/members/" + member.id() + "/deactivate",
                    "open work still owned by the leaver after the hand-over: " + String.join(", ", notTaken));
        }
        String detail = "open work handed to " + successor.identifier() + ": "
                + (handedOver.isEmpty() ? "none" : counts(handedOver));
        if (!left.isEmpty()) {
            detail += "; left with the leaver (ConnectWise's deactivation has no hand-over for it): " + counts(left);
        }
        return result(member, "inactive", "handed-over", detail, counter);
    }

    private static String counts(Map<String, Integer> byKind) {
        return String.join(", ", byKind.entrySet().stream().map(kind -> kind.getKey() + " " + kind.getValue())
                .toList());
    }

    private static Optional<Member> find(ConnectWiseClient client, Departure request) {
        if (request.identifier() != null) {
            return client.findByIdentifier(request.identifier());
        }
        if (request.email() != null) {
            return client.findByOfficeEmail(request.email());
        }
        return current(client, request.memberId());
    }

    /** The member by id, or empty when ConnectWise has none (a missing route is not "no member"). */
    static Optional<Member> current(ConnectWiseClient client, long memberId) {
        try {
            return Optional.of(client.member(memberId));
        } catch (NotFoundException missing) {
            if (missing.routeMissing()) {
                throw missing;
            }
            return Optional.empty();
        }
    }

    private static Member successor(ConnectWiseClient client, Member leaver, String handoverTo) {
        Member successor = client.findByIdentifier(handoverTo)
                .orElseThrow(() -> new HandoverTargetUnknown(handoverTo));
        if (!successor.active() || successor.id().equals(leaver.id())) {
            throw new HandoverTargetInvalid(handoverTo);
        }
        return successor;
    }

    private static void verifyInactive(Member after) {
        if (after.active()) {
            throw new NotAppliedException("PATCH", "/system/members/" + after.id(), "still active after deactivation");
        }
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "; " + second;
    }

    private static DeprovisionOutcome result(Member member, String state, String action, String detail,
                                            RequestCounter counter) {
        return new DeprovisionOutcome(member.id(), member.identifier(), state, action, detail, counter.requests());
    }
}
