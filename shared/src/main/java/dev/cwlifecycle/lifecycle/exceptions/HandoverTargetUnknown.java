package dev.cwlifecycle.lifecycle.exceptions;

/** The member who should take over the leaver's open work does not exist. */
public class HandoverTargetUnknown extends RuntimeException {

    public HandoverTargetUnknown(String handoverTo) {
        super("The hand-over member '" + handoverTo + "' does not exist");
    }
}
