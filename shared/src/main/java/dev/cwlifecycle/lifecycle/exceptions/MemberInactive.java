package dev.cwlifecycle.lifecycle.exceptions;

/** An inactive member has the office email of the person to provision, and reactivation is off. */
public class MemberInactive extends RuntimeException {

    private final long memberId;
    private final String identifier;

    public MemberInactive(long memberId, String identifier) {
        super("An inactive member with this office email exists and reactivation is off: " + identifier);
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
