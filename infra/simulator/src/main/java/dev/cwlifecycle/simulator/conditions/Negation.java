package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code not (...)}. */
record Negation(Expression negated) implements Expression {

    @Override
    public boolean test(JsonNode member) {
        return !negated.test(member);
    }
}
