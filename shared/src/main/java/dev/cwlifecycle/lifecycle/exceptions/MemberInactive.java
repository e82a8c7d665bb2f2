package dev.cwlifecycle.lifecycle.exceptions;

/** An inactive member has the office email of the person to provision, and reactivation is off. */
public class MemberInactive extends MemberConflict {

    public MemberInactive(long memberId, String identifier) {
        super("An inactive member with this office email exists and reactivation is off: " + identifier, memberId,
                identifier);
    }
}
