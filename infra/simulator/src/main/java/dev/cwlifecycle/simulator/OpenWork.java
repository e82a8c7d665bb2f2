package dev.cwlifecycle.simulator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open work members own, as {@code POST /system/members/{id}/deactivate} and
 * {@code GET /system/members/{id}/usages} see it. Every single-valued kind of the spec's {@code MemberDeactivation}
 * can be given a count; {@code companyTeam} is held per customer; open service tickets ({@link #TICKET}) are work
 * the spec's deactivation has no hand-over for, so they stay with the leaver. Not thread-safe: {@link SimMembers}
 * serialises access.
 */
final class OpenWork {

    /** The spec's single-valued {@code MemberDeactivation} kinds, each {@code {count, reAssignToMember}}. */
    static final List<String> KINDS = SpecSchema.deactivationKinds();
    static final String COMPANY_TEAM = "companyTeam";
    static final String STATUS_WORKFLOW = "serviceStatusWorkflow";
    /** Open service tickets the member is the resource of. */
    static final String TICKET = "ticket";

    /** A customer on whose team a member holds a role. */
    record Customer(long id, String name) {
    }

    private final Map<Long, Map<String, Integer>> counts = new HashMap<>();
    private final Map<Long, Map<Long, Customer>> companyTeams = new HashMap<>();

    void add(long memberId, String kind, int count) {
        if (!KINDS.contains(kind) && !TICKET.equals(kind)) {
            throw new IllegalArgumentException("Not a kind of open work the simulator models: " + kind);
        }
        counts.computeIfAbsent(memberId, id -> new HashMap<>()).merge(kind, count, Integer::sum);
    }

    void addCompanyTeam(long memberId, Customer customer) {
        companyTeams.computeIfAbsent(memberId, id -> new TreeMap<>()).put(customer.id(), customer);
    }

    /** The member's open work by kind (companyTeam counts customers), only kinds with some. */
    Map<String, Integer> of(long memberId) {
        Map<String, Integer> owned = new LinkedHashMap<>(counts.getOrDefault(memberId, Map.of()));
        owned.values().removeIf(count -> count == 0);
        int customers = companyTeams.getOrDefault(memberId, Map.of()).size();
        if (customers > 0) {
            owned.put(COMPANY_TEAM, customers);
        }
        return owned;
    }

    List<Customer> customers(long memberId) {
        return List.copyOf(companyTeams.getOrDefault(memberId, Map.of()).values());
    }

    /** Moves all of {@code from}'s work of {@code kind} to {@code to} (null: to nobody we model); returns how much. */
    int move(long from, String kind, Long to) {
        Integer moved = counts.getOrDefault(from, Map.of()).get(kind);
        if (moved == null || moved == 0) {
            return 0;
        }
        counts.get(from).remove(kind);
        if (to != null) {
            add(to, kind, moved);
        }
        return moved;
    }

    /** Moves {@code from}'s role on one customer's team to member {@code to} (null: to a contact); 1 if it had one. */
    int moveCompanyTeam(long from, long customerId, Long to) {
        Customer customer = companyTeams.getOrDefault(from, new HashMap<>()).remove(customerId);
        if (customer == null) {
            return 0;
        }
        if (to != null) {
            addCompanyTeam(to, customer);
        }
        return 1;
    }
}
