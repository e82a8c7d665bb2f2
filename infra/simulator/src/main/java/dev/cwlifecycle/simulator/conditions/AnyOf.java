package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code a or b or ...}. */
record AnyOf(List<Expression> alternatives) implements Expression {

    AnyOf {
        alternatives = List.copyOf(alternatives);
    }

    @Override
    public boolean test(JsonNode member) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (alternatives.get(i).test(member)) {
                return true;
            }
        }
        return false;
    }
}
