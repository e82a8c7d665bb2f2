package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise (or a gateway in front of it) answered 5xx. */
public class ServerErrorException extends ConnectWiseException {

    public ServerErrorException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }

    /** 502/503/504 say the request was not served; a 500 may have done part of the work. */
    public boolean transientStatus() {
        return status() == 502 || status() == 503 || status() == 504;
    }
}
