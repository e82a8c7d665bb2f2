package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code field op value}. A negated operator ({@code !=}, {@code not like}, {@code not contains}, {@code not in})
 * is true on a missing field, but like its positive form it never matches a field of another type.
 */
record Comparison(FieldPath field, FieldCheck check, boolean negated) implements Expression {

    @Override
    public boolean test(JsonNode member) {
        Match match = check.check(field.resolve(member));
        return negated ? match == Match.NO : match == Match.YES;
    }
}
