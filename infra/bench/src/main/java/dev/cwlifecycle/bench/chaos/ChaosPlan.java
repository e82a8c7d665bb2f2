package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.store.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The operations of a chaos run, all drawn from one {@link Random} seeded with the run's seed: the same seed gives
 * the same plan. About a third provisions (some repeated under their key, some for people already provisioned, a
 * few reusing a key for someone else), bad input (invisible characters, bidi overrides, duplicate keys, parser
 * limits), deprovisions, moves (a new role and title), SCIM creates and deactivations, console edits, callback releases (some reversed), redeliveries, callbacks dated in the
 * future, and the two kinds of sync.
 */
record ChaosPlan(long seed, List<ChaosOperation> operations) {

    private static final List<String> ROLES = List.of("Technician", "Dispatch", "Sales", "Service Manager");
    private static final List<String> TITLES = List.of("Field engineer", "Dispatch lead", "Account manager",
            "Service desk");

    static ChaosPlan generate(int count, long seed) {
        Random random = new Random(seed);
        List<ChaosOperation> operations = new ArrayList<>(count);
        List<Integer> provisionSteps = new ArrayList<>();
        int people = 0;
        for (int step = 0; step < count; step++) {
            int roll = random.nextInt(100);
            ChaosOperation next;
            if (roll < 24 || people == 0) {
                next = new ChaosOperation.Provision(people++, key(seed, step), pick(random, ROLES));
            } else if (roll < 28) {
                next = new ChaosOperation.ScimCreate(random.nextInt(2) == 0 ? people++ : random.nextInt(people),
                        pick(random, ROLES));
            } else if (roll < 33 && !provisionSteps.isEmpty()) {
                next = new ChaosOperation.RepeatProvision(pick(random, provisionSteps));
            } else if (roll < 37) {
                next = new ChaosOperation.Provision(random.nextInt(people), key(seed, step), pick(random, ROLES));
            } else if (roll < 40) {
                ChaosOperation.BadInput[] inputs = ChaosOperation.BadInput.values();
                next = new ChaosOperation.Refused(random.nextInt(people), inputs[random.nextInt(inputs.length)]);
            } else if (roll < 42 && !provisionSteps.isEmpty()) {
                next = new ChaosOperation.ReuseKey(pick(random, provisionSteps), random.nextInt(people));
            } else if (roll < 53) {
                next = new ChaosOperation.Deprovision(random.nextInt(people), key(seed, step));
            } else if (roll < 57) {
                next = new ChaosOperation.ScimDeactivate(random.nextInt(people));
            } else if (roll < 65) {
                next = new ChaosOperation.Move(random.nextInt(people), key(seed, step), pick(random, ROLES),
                        pick(random, TITLES));
            } else if (roll < 75) {
                ChaosOperation.Edit[] edits = ChaosOperation.Edit.values();
                next = new ChaosOperation.ConsoleEdit(edits[random.nextInt(edits.length)], random.nextInt(1 << 20));
            } else if (roll < 77) {
                next = new ChaosOperation.FutureDatedCallback(random.nextInt(1 << 20));
            } else if (roll < 87) {
                next = new ChaosOperation.ReleaseCallbacks(random.nextInt(4) == 0);
            } else if (roll < 92) {
                next = new ChaosOperation.Redeliver(random.nextInt(1 << 20));
            } else if (roll < 98) {
                next = new ChaosOperation.Sync(RunSummary.Mode.INCREMENTAL);
            } else {
                next = new ChaosOperation.Sync(RunSummary.Mode.FULL);
            }
            if (next instanceof ChaosOperation.Provision) {
                provisionSteps.add(step);
            }
            operations.add(next);
        }
        return new ChaosPlan(seed, List.copyOf(operations));
    }

    /** How many steps of each kind, for the summary line. */
    String mix() {
        long provisions = count(ChaosOperation.Provision.class);
        return ("%d provisions (%d more repeated under their key, %d reusing a key for someone else, %d bad input), "
                + "%d deprovisions, %d moves, %d SCIM creates, %d SCIM deactivations, %d console edits, %d callback releases, %d redeliveries, %d future-dated "
                + "callbacks, %d syncs").formatted(provisions, count(ChaosOperation.RepeatProvision.class),
                count(ChaosOperation.ReuseKey.class), count(ChaosOperation.Refused.class),
                count(ChaosOperation.Deprovision.class), count(ChaosOperation.Move.class),
                count(ChaosOperation.ScimCreate.class), count(ChaosOperation.ScimDeactivate.class),
                count(ChaosOperation.ConsoleEdit.class),
                count(ChaosOperation.ReleaseCallbacks.class), count(ChaosOperation.Redeliver.class),
                count(ChaosOperation.FutureDatedCallback.class), count(ChaosOperation.Sync.class));
    }

    private long count(Class<? extends ChaosOperation> kind) {
        return operations.stream().filter(kind::isInstance).count();
    }

    private static String key(long seed, int step) {
        return "chaos-" + seed + "-" + step;
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
