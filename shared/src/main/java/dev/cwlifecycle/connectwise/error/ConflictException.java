package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 409: the record is in use, e.g. a member with tickets or time entries. */
public class ConflictException extends ConnectWiseException {

    public ConflictException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }
}
