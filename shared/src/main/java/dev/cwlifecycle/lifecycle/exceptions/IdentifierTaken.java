package dev.cwlifecycle.lifecycle.exceptions;

/** The identifier the caller gave belongs to another member (another email). */
public class IdentifierTaken extends RuntimeException {

    public IdentifierTaken(String identifier) {
        super("The identifier '" + identifier + "' belongs to another member (another email); choose another");
    }
}
