package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code a and b and ...}. */
record AllOf(List<Expression> requirements) implements Expression {

    AllOf {
        requirements = List.copyOf(requirements);
    }

    @Override
    public boolean test(JsonNode member) {
        for (int i = 0; i < requirements.size(); i++) {
            if (!requirements.get(i).test(member)) {
                return false;
            }
        }
        return true;
    }
}
