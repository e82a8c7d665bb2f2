package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/**
 * A ConnectWise request that did not succeed. Messages carry the method, the path (never the query or a header)
 * and ConnectWise's own code and message, so they are safe to log and to show.
 */
public abstract class ConnectWiseException extends RuntimeException {

    private final String method;
    private final String path;
    private final int status;
    private final ConnectWiseError error;

    protected ConnectWiseException(String method, String path, int status, ConnectWiseError error, String detail,
                                   Throwable cause) {
        super(describe(method, path, status, error, detail), cause);
        this.method = method;
        this.path = path;
        this.status = status;
        this.error = error;
    }

    private static String describe(String method, String path, int status, ConnectWiseError error, String detail) {
        StringBuilder text = new StringBuilder("ConnectWise ").append(method).append(' ').append(path);
        text.append(status > 0 ? " answered " + status : " failed");
        if (error != null && (error.codeOrError() != null || error.message() != null)) {
            text.append(" ").append(error.codeOrError()).append(": ").append(error.message());
            error.fieldErrors().forEach(field -> text.append(" [").append(field.field()).append(' ')
                    .append(field.code()).append(": ").append(field.message()).append(']'));
        }
        if (detail != null) {
            text.append(" (").append(detail).append(')');
        }
        return text.toString();
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** ConnectWise's error body, or null when it sent none. */
    public ConnectWiseError error() {
        return error;
    }

    public String code() {
        return error == null ? null : error.codeOrError();
    }
}
