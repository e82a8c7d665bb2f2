package dev.cwlifecycle.gateway.exceptions;

/** A callback whose signature is missing or does not match, or whose key_url holds no signing key. */
public class SignatureRefused extends RuntimeException {

    public SignatureRefused(String why) {
        super(why);
    }
}
