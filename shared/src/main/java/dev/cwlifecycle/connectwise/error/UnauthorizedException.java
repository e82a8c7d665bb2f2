package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 401: ConnectWise refused the credentials (or the clientId is missing). */
public class UnauthorizedException extends ConnectWiseException {

    public UnauthorizedException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }
}
