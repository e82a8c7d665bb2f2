package dev.cwlifecycle.gateway.exceptions;

/** A callback whose {@code Metadata.key_url} is not on the tenant's own site: nothing was fetched from it. */
public class KeyUrlRefused extends RuntimeException {

    public KeyUrlRefused() {
        super("Metadata.key_url is not on the tenant's own ConnectWise site (https, no user info, port or fragment); "
                + "no request was made to it");
    }
}
