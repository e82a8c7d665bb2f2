package dev.cwlifecycle.lifecycle;


/**
 * The line cw-lifecycle writes into a member's {@code notes}, so ConnectWise shows why the member exists or is
 * back or changed: "Provisioned by cw-lifecycle for ticket jira IT-4711". A reactivation or a mover's change adds its
 * line below the old notes.
 */
final class MemberNotes {

    private MemberNotes() {
    }

    static String provisioned(TicketReference ticket) {
        return line("Provisioned", ticket);
    }

    static String reactivated(String previousNotes, TicketReference ticket) {
        return appended(previousNotes, line("Reactivated", ticket));
    }

    /** The notes after a mover's change asked for by {@code ticket}: "Changed by cw-lifecycle for ticket ...". */
    static String changed(String previousNotes, TicketReference ticket) {
        return appended(previousNotes, line("Changed", ticket));
    }

    private static String appended(String previousNotes, String line) {
        return previousNotes == null || previousNotes.isBlank() ? line : previousNotes + "\n" + line;
    }

    /** True when one whole line of {@code notes} is {@code line}: "IT-47" is not found in "IT-4711". */
    static boolean carries(String notes, String line) {
        return notes != null && notes.lines().anyMatch(line::equals);
    }

    private static String line(String what, TicketReference ticket) {
        return what + " by cw-lifecycle" + (ticket == null ? "" : " for ticket " + ticket);
    }
}
