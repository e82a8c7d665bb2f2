package dev.cwlifecycle.lifecycle.exceptions;

/** The member who should take over is inactive, or is the member leaving. */
public class HandoverTargetInvalid extends RuntimeException {

    public HandoverTargetInvalid(String handoverTo) {
        super("The hand-over member '" + handoverTo + "' must be active and not the member leaving");
    }
}
