package dev.cwlifecycle.lifecycle.exceptions;

/** The member the caller named is gone from ConnectWise: the directory holds only its tombstone. */
public class MemberDeleted extends MemberConflict {

    public MemberDeleted(long memberId, String identifier) {
        super("Member " + memberId + " (" + identifier + ") was deleted from ConnectWise", memberId, identifier);
    }
}
