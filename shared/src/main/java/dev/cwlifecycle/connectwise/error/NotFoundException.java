package dev.cwlifecycle.connectwise.error;

import dev.cwlifecycle.connectwise.model.ConnectWiseError;

/** ConnectWise answered 404: the record, or the route, does not exist. */
public class NotFoundException extends ConnectWiseException {

    public NotFoundException(String method, String path, int status, ConnectWiseError error) {
        super(method, path, status, error, null, null);
    }

    /** True when the route itself is unknown (e.g. a stale codebase), not a missing record. */
    public boolean routeMissing() {
        return !"NotFound".equals(code());
    }
}
