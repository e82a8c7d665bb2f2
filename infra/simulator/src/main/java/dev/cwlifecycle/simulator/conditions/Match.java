package dev.cwlifecycle.simulator.conditions;

/** The outcome of one field check; INCOMPARABLE (e.g. a string field against a number) matches neither way. */
enum Match {
    YES, NO, INCOMPARABLE;

    static Match of(boolean matches) {
        return matches ? YES : NO;
    }
}
