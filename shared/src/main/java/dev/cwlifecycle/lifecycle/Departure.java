package dev.cwlifecycle.lifecycle;

/**
 * A member to take out of service, named exactly one way (identifier, ConnectWise id or office email), and how.
 *
 * @param handoverTo the identifier of the member who takes over the open work, with {@link Mode#HANDOVER} only
 */
public record Departure(String identifier, Long memberId, String email, Mode mode, String handoverTo,
                        boolean deleteOpenTimeSheets, boolean dryRun) {

    public enum Mode {
        DEACTIVATE, HANDOVER, DELETE
    }

    /** How the caller named the member, for messages. */
    String named() {
        return identifier != null ? "with identifier '" + identifier + "'"
                : email != null ? "with office email " + email : "with id " + memberId;
    }
}
