package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.InvalidQueryException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A ConnectWise {@code conditions} expression, built from typed parts so that it is always well formed.
 * ConnectWise has no escape for {@code "} inside a quoted value, so a string value holding {@code "}, {@code \}
 * or a control character is refused here, before any request can carry it.
 */
public final class Conditions {

    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");

    private final String text;
    private final boolean disjunction;

    private Conditions(String text, boolean disjunction) {
        this.text = text;
        this.disjunction = disjunction;
    }

    /** A field, or a nested path such as {@code securityRole/id} or {@code _info/lastUpdated}. */
    public static Field field(String path) {
        if (path == null || !FIELD_PATH.matcher(path).matches()) {
            throw new InvalidQueryException("Not a ConnectWise field path: '" + path + "'");
        }
        return new Field(path);
    }

    public static Conditions allOf(Conditions first, Conditions... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).reduce(Conditions::and).orElseThrow();
    }

    public static Conditions anyOf(Conditions first, Conditions... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).reduce(Conditions::or).orElseThrow();
    }

    /** {@code this and other}; an {@code or} on either side is parenthesised, as {@code and} binds tighter. */
    public Conditions and(Conditions other) {
        return new Conditions(grouped() + " and " + other.grouped(), false);
    }

    public Conditions or(Conditions other) {
        return new Conditions(text + " or " + other.text, true);
    }

    private String grouped() {
        return disjunction ? "(" + text + ")" : text;
    }

    /** The expression exactly as it goes into the {@code conditions} parameter (before URL encoding). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Conditions conditions && conditions.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** One side of a comparison: the field and the operators ConnectWise supports on it. */
    public static final class Field {
        private final String path;

        private Field(String path) {
            this.path = path;
        }

        public Conditions eq(String value) {
            return compare("=", quote(value));
        }

        public Conditions eq(long value) {
            return compare("=", Long.toString(value));
        }

        public Conditions eq(boolean value) {
            return compare("=", Boolean.toString(value));
        }

        public Conditions eq(Instant value) {
            return compare("=", bracket(value));
        }

        public Conditions ne(String value) {
            return compare("!=", quote(value));
        }

        public Conditions ne(long value) {
            return compare("!=", Long.toString(value));
        }

        public Conditions gt(long value) {
            return compare(">", Long.toString(value));
        }

        public Conditions gt(Instant value) {
            return compare(">", bracket(value));
        }

        public Conditions ge(Instant value) {
            return compare(">=", bracket(value));
        }

        public Conditions lt(Instant value) {
            return compare("<", bracket(value));
        }

        public Conditions le(Instant value) {
            return compare("<=", bracket(value));
        }

        public Conditions contains(String value) {
            return compare(" contains ", quote(value));
        }

        /** {@code like "prefix*"}: every value that starts with {@code prefix}. */
        public Conditions startsWith(String prefix) {
            if (prefix.indexOf('*') >= 0) {
                throw new InvalidQueryException("Condition value for " + path + " must not contain '*'");
            }
            return compare(" like ", quote(prefix + "*"));
        }

        public Conditions in(List<String> values) {
            return list(values.stream().map(this::quote));
        }

        public Conditions inIds(List<Long> values) {
            return list(values.stream().map(String::valueOf));
        }

        private Conditions list(Stream<String> values) {
            String joined = values.collect(Collectors.joining(","));
            if (joined.isEmpty()) {
                throw new InvalidQueryException("An 'in' condition on " + path + " needs at least one value");
            }
            return compare(" in ", "(" + joined + ")");
        }

        private Conditions compare(String operator, String value) {
            return new Conditions(path + operator + value, false);
        }

        private String quote(String value) {
            if (value == null) {
                throw new InvalidQueryException("Condition value for " + path + " is missing");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\' || Character.isISOControl(c)) {
                    throw new InvalidQueryException("Condition value for " + path
                            + " contains a character ConnectWise cannot quote (\", \\ or a control character)");
                }
            }
            return '"' + value + '"';
        }

        private static String bracket(Instant value) {
            return "[" + value.truncatedTo(ChronoUnit.SECONDS) + "]";
        }
    }
}
