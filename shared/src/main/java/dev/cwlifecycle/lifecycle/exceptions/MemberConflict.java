package dev.cwlifecycle.lifecycle.exceptions;

/** A refusal about one existing ConnectWise member, which the caller is told (id and identifier) to act on. */
public abstract class MemberConflict extends RuntimeException {

    private final long memberId;
    private final String identifier;

    protected MemberConflict(String message, long memberId, String identifier) {
        super(message);
        this.memberId = memberId;
        this.identifier = identifier;
    }

    public long memberId() {
        return memberId;
    }

    public String identifier() {
        return identifier;
    }
}
