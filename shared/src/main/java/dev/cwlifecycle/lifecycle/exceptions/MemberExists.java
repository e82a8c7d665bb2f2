package dev.cwlifecycle.lifecycle.exceptions;

/** An active member already has the office email of the person to provision. */
public class MemberExists extends RuntimeException {

    private final long memberId;
    private final String identifier;

    public MemberExists(long memberId, String identifier) {
        super("An active member with this office email exists: " + identifier + " (id " + memberId + ")");
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
