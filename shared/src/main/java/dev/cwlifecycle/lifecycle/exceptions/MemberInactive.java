package dev.cwlifecycle.lifecycle.exceptions;

/** An inactive member stands in the way: of a provision with reactivation off, or of a change (mover). */
public class MemberInactive extends MemberConflict {

    private MemberInactive(String message, long memberId, String identifier) {
        super(message, memberId, identifier);
    }

    /** An inactive member has the office email of the person to provision, and reactivation is off. */
    public static MemberInactive reactivationOff(long memberId, String identifier) {
        return new MemberInactive("An inactive member with this office email exists and reactivation is off: "
                + identifier, memberId, identifier);
    }

    /** The member to change is inactive: a change would not bring it back, a provision reactivates it. */
    public static MemberInactive notChangeable(long memberId, String identifier) {
        return new MemberInactive("Member " + identifier + " (id " + memberId + ") is inactive; reactivate it "
                + "through provision (POST /members with its office email) before changing it", memberId,
                identifier);
    }
}
