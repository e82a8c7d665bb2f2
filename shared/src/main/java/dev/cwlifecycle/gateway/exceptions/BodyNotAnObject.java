package dev.cwlifecycle.gateway.exceptions;

/** A request body that is JSON but not the object the route takes (an array, a string, a number). */
public class BodyNotAnObject extends RuntimeException {

    public BodyNotAnObject() {
        super("The body must be a JSON object");
    }
}
