package dev.cwlifecycle.lifecycle.exceptions;

/** The names hold nothing the identifier convention can use, and no identifier was given. */
public class IdentifierUnderivable extends RuntimeException {

    public IdentifierUnderivable() {
        super("The names hold no ASCII letter or digit to make an identifier from; give an identifier");
    }
}
