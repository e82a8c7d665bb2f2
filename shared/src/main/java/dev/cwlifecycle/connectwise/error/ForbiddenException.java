package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 403: the API member's security role lacks the permission. */
public class ForbiddenException extends ConnectWiseException {

    public ForbiddenException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }
}
