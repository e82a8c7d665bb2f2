package dev.cwlifecycle.bench.chaos;

import dev.cwlifecycle.store.RunSummary;

/** One step of a chaos plan; what it refers to (people, members, deliveries) is resolved when it runs. */
sealed interface ChaosOperation {

    /** {@code POST /members} for {@code person} under {@code key}. */
    record Provision(int person, String key, String role) implements ChaosOperation {
    }

    /** The request of earlier step {@code step} (a provision) sent again: same key, same body. */
    record RepeatProvision(int step) implements ChaosOperation {
    }

    /** The key of earlier provision {@code step} reused for another person: a misuse the API must refuse. */
    record ReuseKey(int step, int person) implements ChaosOperation {
    }

    /** {@code POST /members/deprovision} naming {@code person} by email. */
    record Deprovision(int person, String key) implements ChaosOperation {
    }

    /** {@code PATCH /members/{identifier}} moving {@code person} to {@code role} with {@code title}. */
    record Move(int person, String key, String role, String title) implements ChaosOperation {
    }

    /** Entra ID or Okta creating {@code person} through SCIM ({@code POST /Users}) with {@code role}. */
    record ScimCreate(int person, String role) implements ChaosOperation {
    }

    /** An identity provider disabling {@code person}: found by {@code userName}, then a PatchOp {@code active: false}. */
    record ScimDeactivate(int person) implements ChaosOperation {
    }

    /** A provision for {@code person} spoilt by {@code input}: 400, and nothing reaches ConnectWise. */
    record Refused(int person, BadInput input) implements ChaosOperation {
    }

    /** A signed callback for a member whose Entity is stamped in 2099; {@code pick} chooses the delivery it copies. */
    record FutureDatedCallback(int pick) implements ChaosOperation {
    }

    /** Someone changes a member in ConnectWise's own screens; {@code pick} chooses the member among those present. */
    record ConsoleEdit(Edit edit, int pick) implements ChaosOperation {
    }

    /** The held callbacks are delivered, in order or reversed. */
    record ReleaseCallbacks(boolean reversed) implements ChaosOperation {
    }

    /** An earlier delivery is sent again (same MessageId, body and signature); {@code pick} chooses which. */
    record Redeliver(int pick) implements ChaosOperation {
    }

    /** The scheduled sync. */
    record Sync(RunSummary.Mode mode) implements ChaosOperation {
    }

    /** How a refused provision is spoilt: what a hostile or broken caller sends. */
    enum BadInput { INVISIBLE_IN_EMAIL, BIDI_IN_NAME, DUPLICATE_KEY, NESTING_BOMB, LONG_NUMBER }

    /** What a console edit does; deleting a member with history falls back to a rename, as ConnectWise refuses it. */
    enum Edit { RENAME, CHANGE_ROLE, DEACTIVATE, REACTIVATE, DELETE }
}
