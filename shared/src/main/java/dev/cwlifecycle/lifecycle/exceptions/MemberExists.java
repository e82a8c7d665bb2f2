package dev.cwlifecycle.lifecycle.exceptions;

/** An active member already has the office email of the person to provision. */
public class MemberExists extends MemberConflict {

    public MemberExists(long memberId, String identifier) {
        super("An active member with this office email exists: " + identifier + " (id " + memberId + ")", memberId,
                identifier);
    }
}
