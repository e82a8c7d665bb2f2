package dev.cwlifecycle.lifecycle.exceptions;

/** The member could neither be created nor found after every attempt; nothing was duplicated. */
public class CreateUnsettled extends RuntimeException {

    public CreateUnsettled(int attempts) {
        super("The member could not be created or found after " + attempts + " attempts; nothing was duplicated, "
                + "retry later");
    }
}
