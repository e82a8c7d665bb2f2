package dev.cwlifecycle.bench.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaosPlanTest {

    @Test
    void sameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        // GIVEN / WHEN
        ChaosPlan first = ChaosPlan.generate(500, 42);
        ChaosPlan again = ChaosPlan.generate(500, 42);
        ChaosPlan other = ChaosPlan.generate(500, 43);

        // THEN
        assertEquals(first, again);
        assertNotEquals(first.operations(), other.operations());
    }

    @Test
    void repeatsAndReusedKeysReferToEarlierProvisionsAndTheFirstStepProvisions() {
        // GIVEN
        List<ChaosOperation> operations = ChaosPlan.generate(1000, 7).operations();

        // THEN
        assertInstanceOf(ChaosOperation.Provision.class, operations.get(0));
        for (int step = 0; step < operations.size(); step++) {
            int referred = operations.get(step) instanceof ChaosOperation.RepeatProvision repeat ? repeat.step()
                    : operations.get(step) instanceof ChaosOperation.ReuseKey reuse ? reuse.step() : -1;
            if (referred >= 0) {
                assertTrue(referred < step, "step " + step + " refers to a later step " + referred);
                assertInstanceOf(ChaosOperation.Provision.class, operations.get(referred));
            }
        }
    }

    @Test
    void everyKindOfOperationIsInAThousandStepPlan() {
        // GIVEN
        List<ChaosOperation> operations = ChaosPlan.generate(1000, 42).operations();

        // THEN every kind the issue asks for is there, provisions about a third
        List<Class<? extends ChaosOperation>> kinds = List.of(ChaosOperation.Provision.class,
                ChaosOperation.RepeatProvision.class, ChaosOperation.ReuseKey.class, ChaosOperation.Deprovision.class,
                ChaosOperation.Move.class,
                ChaosOperation.ConsoleEdit.class, ChaosOperation.ReleaseCallbacks.class,
                ChaosOperation.Redeliver.class, ChaosOperation.Sync.class, ChaosOperation.Refused.class,
                ChaosOperation.FutureDatedCallback.class);
        kinds.forEach(kind -> assertTrue(operations.stream().anyMatch(kind::isInstance), kind.getSimpleName()));
        long provisions = operations.stream().filter(ChaosOperation.Provision.class::isInstance).count();
        assertTrue(provisions > 250 && provisions < 450, "provisions: " + provisions);
        assertTrue(operations.stream().anyMatch(op -> op instanceof ChaosOperation.ReleaseCallbacks release
                && release.reversed()), "some releases are reversed");
    }
}
