package dev.cwlifecycle.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;

import java.time.Duration;
import java.util.List;

/**
 * Real signed callbacks: members changed in the simulator as someone in ConnectWise's screens would, each change
 * delivered (signed, with its Entity) to a registered endpoint.
 */
final class SignedUpdates {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private SignedUpdates() {
    }

    /** Changes the title of {@code count} distinct members and returns their deliveries, in delivery order. */
    static List<CallbackEndpoint.Exchange> deliver(ConnectWiseSimulator simulator, CallbackEndpoint endpoint,
                                                   int count) {
        List<ObjectNode> members = simulator.members(BenchTenants.COMPANY).all();
        if (members.size() < count) {
            throw new IllegalArgumentException("The simulator has " + members.size() + " members, not " + count);
        }
        int before = endpoint.exchanges().size();
        for (int i = 0; i < count; i++) {
            String title = "Updated for the bench " + i;
            simulator.members(BenchTenants.COMPANY).update(members.get(i).get("id").asLong(),
                    member -> member.put("title", title));
        }
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (endpoint.exchanges().size() < before + count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + (endpoint.exchanges().size() - before) + " of " + count
                        + " callbacks arrived within " + DELIVERY_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while callbacks were delivered", e);
            }
        }
        List<CallbackEndpoint.Exchange> all = endpoint.exchanges();
        return all.subList(before, before + count);
    }
}
