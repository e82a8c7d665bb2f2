package dev.cwlifecycle.gateway.exceptions;

/** A verified callback that could not be applied or recorded: ConnectWise must deliver it again. */
public class CallbackNotApplied extends RuntimeException {

    public CallbackNotApplied(Throwable cause) {
        super("The callback could not be applied or recorded; nothing is lost: redeliver it", cause);
    }
}
