package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.testing.ConsoleMembers;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/** Members changed in the simulator "behind our back", and the waits for what follows asynchronously. */
final class SiteMembers {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(8);

    private SiteMembers() {
    }

    /** A new member, made in ConnectWise's own screens: the simulator announces it to every registration. */
    static ObjectNode create(ConnectWiseSimulator simulator) {
        String identifier = "cb" + PEOPLE.incrementAndGet() + "x" + (System.nanoTime() % 100_000);
        return ConsoleMembers.create(simulator, identifier, "Casey", "Callback", identifier + "@acme.example");
    }

    static long id(ObjectNode member) {
        return member.get("id").asLong();
    }

    static Instant lastUpdated(ObjectNode member) {
        return Instant.parse(member.path("_info").path("lastUpdated").asText());
    }

    /** The deliveries made after the first {@code before} ones, once {@code count} of them have come back. */
    static List<Delivery> deliveriesAfter(ConnectWiseSimulator simulator, int before, int count) {
        await("" + count + " more deliveries", () -> simulator.callbacks().deliveries().size() >= before + count);
        List<Delivery> all = simulator.callbacks().deliveries();
        return all.subList(before, all.size());
    }

    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(25)).until(condition);
    }
}
