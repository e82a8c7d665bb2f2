package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 400: malformed or invalid request; never retried. */
public class BadRequestException extends ConnectWiseException {

    public BadRequestException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }

    /** ConnectWise reports a duplicate as 400 with an {@code ObjectExists} field error, not as 409. */
    public boolean objectExists() {
        return error() != null && error().fieldErrors().stream().anyMatch(f -> "ObjectExists".equals(f.code()));
    }
}
