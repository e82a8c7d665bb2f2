package dev.cwlifecycle.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.testing.ConnectWiseSeconds;
import dev.cwlifecycle.testing.FunctionTestResource;
import dev.cwlifecycle.testing.LambdaInvoker.Answer;
import dev.cwlifecycle.testing.SignedCallbacks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.cwlifecycle.callback.SiteMembers.await;
import static dev.cwlifecycle.callback.SiteMembers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Issue 13: a signed Entity stamped 2099 froze its directory row; every later change answered "unchanged". */
@QuarkusTest
@QuarkusTestResource(FunctionTestResource.class)
class CallbackFutureDatedTest {

    private static final String TENANT = "default";

    @Inject
    MemberDirectory directory;

    private ConnectWiseSimulator simulator;
    private CallbackSigner signer;

    @BeforeEach
    void learnTheSigningKey() {
        simulator = FunctionTestResource.simulator();
        signer = CallbackSigner.learn(simulator);
        simulator.requestLog().clear();
    }

    @Test
    void givenAnEntityDatedInTheFuture_whenInvoked_thenItIsNotStoredTheMemberIsReReadAndLaterChangesStillApply() {
        ObjectNode created = SiteMembers.create(simulator);
        await("the new member", () -> directory.get(TENANT, id(created)).isPresent());
        simulator.requestLog().clear();
        ObjectNode future = created.deepCopy().put("lastName", "Frozen");
        ((ObjectNode) future.get("_info")).put("lastUpdated", "2099-01-01T00:00:00Z");

        Answer answer = signer.invoke(SignedCallbacks.payload("updated", id(created), future.toString(),
                signer.keyUrl()));

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(1, simulator.requestLog().count("GET", "/system/members/" + id(created)), "re-read instead");
        DirectoryEntry stored = directory.get(TENANT, id(created)).orElseThrow();
        assertEquals(SiteMembers.lastUpdated(created), stored.lastUpdated());
        assertEquals("Callback", stored.lastName());
        assertFalse(stored.pending());

        ConnectWiseSeconds.awaitAfter(SiteMembers.lastUpdated(created));
        simulator.members("acme").update(id(created), member -> member.put("lastName", "Genuine"));
        await("the genuine change", () -> "Genuine".equals(directory.get(TENANT, id(created)).orElseThrow()
                .lastName()));
    }
}
