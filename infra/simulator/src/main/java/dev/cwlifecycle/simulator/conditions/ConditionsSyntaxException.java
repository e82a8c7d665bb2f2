package dev.cwlifecycle.simulator.conditions;

/** A {@code conditions} string that ConnectWise would refuse; the message says what is wrong and where. */
public class ConditionsSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConditionsSyntaxException(String message) {
        super(message);
    }
}
