package dev.cwlifecycle.gateway.exceptions;

/** A request body over the route's limit: refused before it is parsed. */
public class BodyTooLarge extends RuntimeException {

    public BodyTooLarge(int size, int max) {
        super("The body is " + size + " bytes; at most " + max + " are accepted");
    }
}
