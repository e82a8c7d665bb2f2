package dev.cwlifecycle.connectwise.error;

/** ConnectWise answered success, but the record it returned does not show the change (e.g. still inactive). */
public class NotAppliedException extends ConnectWiseException {

    public NotAppliedException(String method, String path, String what) {
        super(method, path, 200, null, what, null);
    }
}
