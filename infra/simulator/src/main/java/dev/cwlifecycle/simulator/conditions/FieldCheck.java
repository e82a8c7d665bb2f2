package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The positive form of an operator applied to a field's value (null when the field is missing). */
sealed interface FieldCheck {

    Match check(JsonNode field);

    /** {@code =} (and {@code !=} when negated). */
    record Equality(Value value) implements FieldCheck {
        @Override
        public Match check(JsonNode field) {
            return value.equalTo(field);
        }
    }

    /** {@code < <= > >=}; a missing field is never ordered. */
    record Ordering(Value.Ordered value, Order order) implements FieldCheck {
        @Override
        public Match check(JsonNode field) {
            return field == null ? Match.NO : value.ordered(field, order);
        }
    }

    /** {@code like} and {@code contains}, both on strings only. */
    record Likeness(WildcardPattern pattern) implements FieldCheck {
        @Override
        public Match check(JsonNode field) {
            if (field == null) {
                return Match.NO;
            }
            return field.isTextual() ? Match.of(pattern.matches(field.textValue())) : Match.INCOMPARABLE;
        }
    }

    /** {@code in (...)}: equal to any listed value; incomparable only when every value is. */
    record Membership(List<Value> values) implements FieldCheck {

        public Membership {
            values = List.copyOf(values);
        }

        @Override
        public Match check(JsonNode field) {
            Match result = Match.INCOMPARABLE;
            for (int i = 0; i < values.size(); i++) {
                Match match = values.get(i).equalTo(field);
                if (match == Match.YES) {
                    return Match.YES;
                }
                if (match == Match.NO) {
                    result = Match.NO;
                }
            }
            return result;
        }
    }
}
