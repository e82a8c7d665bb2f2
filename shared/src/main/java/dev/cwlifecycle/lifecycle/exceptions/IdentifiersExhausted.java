package dev.cwlifecycle.lifecycle.exceptions;

/** Every collision suffix of the identifier the convention made is taken. */
public class IdentifiersExhausted extends RuntimeException {

    public IdentifiersExhausted(String base) {
        super("Every identifier from '" + base + "' to '" + base + "99' is taken; give an identifier");
    }
}
