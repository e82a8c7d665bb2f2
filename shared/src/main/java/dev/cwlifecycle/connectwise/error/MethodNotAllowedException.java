package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 405: the endpoint does not support the method (e.g. member delete on some versions). */
public class MethodNotAllowedException extends ConnectWiseException {

    public MethodNotAllowedException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }
}
