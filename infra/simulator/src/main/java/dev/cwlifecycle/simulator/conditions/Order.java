package dev.cwlifecycle.simulator.conditions;

/** The ordering operators. */
enum Order {
    LESS, AT_MOST, GREATER, AT_LEAST;

    /** Whether {@code field compared to value} (a compareTo result) satisfies this operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case LESS -> comparison < 0;
            case AT_MOST -> comparison <= 0;
            case GREATER -> comparison > 0;
            case AT_LEAST -> comparison >= 0;
        };
    }
}
