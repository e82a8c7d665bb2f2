package dev.cwlifecycle.simulator.conditions;

import java.util.Set;

/** Entry point: turns a ConnectWise {@code conditions} parameter into a predicate over members. */
public final class Conditions {

    private Conditions() {
    }

    /**
     * Parses a conditions string (already URL-decoded), accepting any field name.
     *
     * @throws ConditionsSyntaxException on malformed input
     */
    public static Condition parse(String text) {
        return new Parser(Tokenizer.tokenize(text), field -> true).conditions();
    }

    /**
     * Parses a conditions string, refusing a path whose first segment is not one of {@code knownFields}
     * (case-sensitive, as ConnectWise is). The alias {@code lastUpdated} is always accepted.
     *
     * @throws ConditionsSyntaxException on malformed input or an unknown field
     */
    public static Condition parse(String text, Set<String> knownFields) {
        Set<String> known = Set.copyOf(knownFields);
        return new Parser(Tokenizer.tokenize(text), known::contains).conditions();
    }
}
