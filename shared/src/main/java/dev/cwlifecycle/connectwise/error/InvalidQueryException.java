package dev.cwlifecycle.connectwise.error;

/**
 * A query we refuse to send: a conditions value ConnectWise cannot quote safely, a malformed field path, or a URL
 * over ConnectWise's length limit. Thrown before any request is made.
 */
public class InvalidQueryException extends IllegalArgumentException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
