package dev.cwlifecycle.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ConnectWise error answer: the HTTP status and the ConnectWise-shaped body. Thrown by the routes and by
 * {@link SimMembers}, turned into the response at one place.
 */
public final class ApiFailure extends RuntimeException {

    private final int status;
    private final transient ObjectNode body;

    ApiFailure(int status, ObjectNode body) {
        super(status + " " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body.deepCopy();
    }
}
