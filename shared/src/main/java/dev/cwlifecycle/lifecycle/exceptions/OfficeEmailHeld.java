package dev.cwlifecycle.lifecycle.exceptions;

/** The office email a member is to be given belongs to another active member, named here. */
public class OfficeEmailHeld extends MemberConflict {

    public OfficeEmailHeld(long memberId, String identifier) {
        super("Another active member has this office email: " + identifier + " (id " + memberId + ")", memberId,
                identifier);
    }
}
