package dev.cwlifecycle.lifecycle.exceptions;

/** No ConnectWise member answers to the name the caller gave. */
public class MemberNotFound extends RuntimeException {

    /** @param named how the caller named the member: {@code with identifier 'jdoe'} */
    public MemberNotFound(String named) {
        super("No ConnectWise member " + named);
    }
}
