package dev.cwlifecycle.lifecycle.exceptions;

/**
 * A create got no answer, and the member now holding the identifier it sent is someone else's: left alone.
 */
public class MemberNotOurs extends MemberConflict {

    public MemberNotOurs(String sentIdentifier, long memberId, String identifier) {
        super("The create of '" + sentIdentifier + "' got no answer, and the member now holding that identifier (id "
                + memberId + ") is not the one this request sent (its office email or ticket differ); it was left "
                + "alone. Check it in ConnectWise, or give another identifier", memberId, identifier);
    }
}
