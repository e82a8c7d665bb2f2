package dev.cwlifecycle.connectwise.error;

/**
 * No answer came: the connection failed or timed out. {@link #neverSent()} is true only when the request
 * provably never reached ConnectWise (the connection was never established); otherwise its outcome is unknown.
 */
public class ConnectionFailedException extends ConnectWiseException {

    private final boolean neverSent;

    public ConnectionFailedException(String method, String path, boolean neverSent, Throwable cause) {
        super(method, path, 0, null, (neverSent ? "connection not established: " : "no answer, outcome unknown: ")
                + cause.getClass().getSimpleName(), cause);
        this.neverSent = neverSent;
    }

    public boolean neverSent() {
        return neverSent;
    }
}
