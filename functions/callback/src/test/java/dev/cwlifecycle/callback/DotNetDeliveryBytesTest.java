package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.ConsoleMembers;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.cwlifecycle.callback.SiteMembers.await;
import static dev.cwlifecycle.callback.SiteMembers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ConnectWise's .NET serialiser escapes non-ASCII characters and '/', which a verifier that parses and writes the
 * JSON again does not reproduce: the function must verify the raw bytes it received.
 */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class DotNetDeliveryBytesTest {

    @Inject
    MemberDirectory directory;

    @Test
    void givenADeliveryWithEscapedNonAscii_whenVerifiedOverItsRawBytes_thenItIsAppliedWhereAReserialiserWouldFail()
            throws Exception {
        ConnectWiseSimulator simulator = FunctionTestResource.simulator();
        CallbackReceiver.registeredWith(simulator);
        String identifier = "jose" + (System.nanoTime() % 100_000);

        ObjectNode created = ConsoleMembers.create(simulator, identifier, "José", "Müller-Lüdenscheidt",
                identifier + "@acme.example");

        await("José's delivery answered", () -> simulator.callbacks().deliveries().stream()
                .anyMatch(each -> each.body().contains("\"ID\":" + id(created) + ",")));
        DirectoryEntry stored = directory.get("default", id(created)).orElseThrow();
        assertEquals("José", stored.firstName());
        assertEquals("Müller-Lüdenscheidt", stored.lastName());
        Delivery delivery = simulator.callbacks().deliveries().stream()
                .filter(each -> each.body().contains("\"ID\":" + id(created) + ",")).findFirst().orElseThrow();
        assertEquals(200, delivery.status());
        assertTrue(delivery.body().contains("Jos\\u00e9"), delivery.body());
        String reserialised = SignedCallbacks.JSON.writeValueAsString(SignedCallbacks.JSON.readTree(delivery.body()));
        String signingKey = simulator.callbacks().signingKey("acme");
        assertEquals(delivery.signature(), SignedCallbacks.sign(signingKey, delivery.body()));
        assertNotEquals(delivery.signature(), SignedCallbacks.sign(signingKey, reserialised));
    }
}
