package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered any other unsuccessful status (414, 415, ...). */
public class UnexpectedResponseException extends ConnectWiseException {

    public UnexpectedResponseException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }
}
