package dev.cwlifecycle.callback;

import java.util.Locale;

/** What a callback did to the directory, and the status ConnectWise gets for it (any 2xx ends its retries). */
enum CallbackOutcome {
    /** The directory now holds the member as of this callback, or newer. */
    APPLIED(200),
    /** The directory already held newer data (an out-of-order or repeated callback); nothing to do. */
    UNCHANGED(200),
    /** The member is tombstoned. */
    DELETED(200),
    /** The member could not be re-read; it is marked pending and the next sync refreshes it. */
    PENDING(202),
    /** Not a member change we mirror (another type or action); accepted and dropped. */
    IGNORED(202);

    private final int status;

    CallbackOutcome(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
