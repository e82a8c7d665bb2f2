package dev.cwlifecycle.simulator.conditions;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** A literal on the right of an operator, compared against a field's JSON value. */
sealed interface Value {

    /** {@code field = this} for a present, non-null field. */
    Match sameAs(JsonNode present);

    /** {@code field = this}, where a missing field is null and equals only {@code null}. */
    default Match equalTo(JsonNode field) {
        return field == null ? Match.of(this instanceof Null) : sameAs(field);
    }

    /** The values {@code < <= > >=} accept. */
    sealed interface Ordered extends Value {
        Match ordered(JsonNode present, Order order);
    }

    /** A quoted string; compared ignoring case, like ConnectWise's SQL Server collation. */
    record Text(String text) implements Ordered {
        @Override
        public Match sameAs(JsonNode present) {
            return present.isTextual() ? Match.of(present.textValue().equalsIgnoreCase(text)) : Match.INCOMPARABLE;
        }

        @Override
        public Match ordered(JsonNode present, Order order) {
            return present.isTextual()
                    ? Match.of(order.accepts(String.CASE_INSENSITIVE_ORDER.compare(present.textValue(), text)))
                    : Match.INCOMPARABLE;
        }
    }

    /** A bare number; integers compare exactly, anything else as doubles (the way Jackson reads decimals). */
    record Numeric(boolean integral, long whole, double approximate) implements Ordered {

        static Numeric of(String literal) {
            BigDecimal decimal = new BigDecimal(literal);
            try {
                return new Numeric(true, decimal.longValueExact(), decimal.doubleValue());
            } catch (ArithmeticException notWhole) {
                return new Numeric(false, 0, decimal.doubleValue());
            }
        }

        @Override
        public Match sameAs(JsonNode present) {
            return present.isNumber() ? Match.of(compareTo(present) == 0) : Match.INCOMPARABLE;
        }

        @Override
        public Match ordered(JsonNode present, Order order) {
            return present.isNumber() ? Match.of(order.accepts(compareTo(present))) : Match.INCOMPARABLE;
        }

        private int compareTo(JsonNode number) {
            if (integral && number.isIntegralNumber() && number.canConvertToLong()) {
                return Long.compare(number.longValue(), whole);
            }
            double value = number.doubleValue();
            return value < approximate ? -1 : value > approximate ? 1 : 0;
        }
    }

    /** A bracketed date-time, compared with a string field read as an instant. */
    record DateTime(Instant instant) implements Ordered {
        @Override
        public Match sameAs(JsonNode present) {
            Instant field = instantOf(present);
            return field == null ? Match.INCOMPARABLE : Match.of(field.equals(instant));
        }

        @Override
        public Match ordered(JsonNode present, Order order) {
            Instant field = instantOf(present);
            return field == null ? Match.INCOMPARABLE : Match.of(order.accepts(field.compareTo(instant)));
        }

        private static Instant instantOf(JsonNode present) {
            return present.isTextual() ? IsoDateTime.parse(present.textValue()) : null;
        }
    }

    /** A bare {@code true} or {@code false}. */
    record Bool(boolean value) implements Value {
        @Override
        public Match sameAs(JsonNode present) {
            return present.isBoolean() ? Match.of(present.booleanValue() == value) : Match.INCOMPARABLE;
        }
    }

    /** A bare {@code null}: equal to a missing or JSON-null field only. */
    record Null() implements Value {
        @Override
        public Match sameAs(JsonNode present) {
            return Match.NO;
        }
    }
}
