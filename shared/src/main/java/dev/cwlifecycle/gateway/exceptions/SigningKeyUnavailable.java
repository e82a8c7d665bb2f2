package dev.cwlifecycle.gateway.exceptions;

/** The signing key could not be fetched just now, so a callback's signature cannot be checked yet. */
public class SigningKeyUnavailable extends RuntimeException {

    public SigningKeyUnavailable(String why) {
        super("The signing key could not be fetched (" + why + "), so the signature cannot be checked yet");
    }
}
