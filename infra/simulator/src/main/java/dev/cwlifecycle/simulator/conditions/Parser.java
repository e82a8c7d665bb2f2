package dev.cwlifecycle.simulator.conditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Recursive descent over the tokens. Grammar, with {@code and} binding tighter than {@code or}:
 * <pre>
 * conditions  := disjunction END
 * disjunction := conjunction ("or" conjunction)*
 * conjunction := primary ("and" primary)*
 * primary     := "(" disjunction ")" | "not" "(" disjunction ")" | comparison
 * comparison  := FIELD operator value | FIELD ["not"] "in" "(" value ("," value)* ")"
 * </pre>
 */
final class Parser {

    /** ConnectWise accepts the bare name for the member's {@code _info/lastUpdated}. */
    private static final FieldPath LAST_UPDATED = new FieldPath(List.of("_info", "lastUpdated"));

    private final List<Token> tokens;
    private final Predicate<String> knownField;
    private int current;

    Parser(List<Token> tokens, Predicate<String> knownField) {
        this.tokens = tokens;
        this.knownField = knownField;
    }

    Expression conditions() {
        if (peek().kind() == Token.Kind.END) {
            throw new ConditionsSyntaxException("Empty conditions");
        }
        Expression expression = disjunction();
        Token rest = peek();
        if (rest.kind() == Token.Kind.CLOSE) {
            throw error("Unbalanced ')'", rest);
        }
        if (rest.kind() != Token.Kind.END) {
            throw error("Unexpected token " + rest.describe(), rest);
        }
        return expression;
    }

    private Expression disjunction() {
        List<Expression> alternatives = new ArrayList<>(List.of(conjunction()));
        while (peek().isKeyword("or")) {
            requireOperand(advance());
            alternatives.add(conjunction());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }

    private Expression conjunction() {
        List<Expression> requirements = new ArrayList<>(List.of(primary()));
        while (peek().isKeyword("and")) {
            requireOperand(advance());
            requirements.add(primary());
        }
        return requirements.size() == 1 ? requirements.get(0) : new AllOf(requirements);
    }

    private void requireOperand(Token connective) {
        Token next = peek();
        if (next.kind() == Token.Kind.END || next.kind() == Token.Kind.CLOSE
                || next.isKeyword("and") || next.isKeyword("or")) {
            throw error("Dangling '" + connective.text() + "' with no condition after it", connective);
        }
    }

    private Expression primary() {
        Token token = peek();
        if (token.kind() == Token.Kind.OPEN) {
            return group();
        }
        if (token.isKeyword("not")) {
            advance();
            if (peek().kind() != Token.Kind.OPEN) {
                throw error("Expected '(' after 'not' but found " + peek().describe(), peek());
            }
            return new Negation(group());
        }
        return comparison();
    }

    private Expression group() {
        Token open = advance();
        Expression inner = disjunction();
        Token close = advance();
        if (close.kind() == Token.Kind.END) {
            throw error("Unbalanced '(': missing ')'", open);
        }
        if (close.kind() != Token.Kind.CLOSE) {
            throw error("Expected ')' to close the '(' at position " + open.position()
                    + " but found " + close.describe(), close);
        }
        return inner;
    }

    private Comparison comparison() {
        Token name = advance();
        if (name.kind() != Token.Kind.WORD || name.isConnective()) {
            throw error("Expected a field name but found " + name.describe(), name);
        }
        FieldPath field = fieldPath(name);
        Token operator = advance();
        return switch (operator.kind()) {
            case OPERATOR -> symbolic(field, operator);
            case WORD -> worded(field, operator);
            case END -> throw error("Missing operator after field '" + name.text() + "'", operator);
            default -> throw error("Expected an operator after field '" + name.text()
                    + "' but found " + operator.describe(), operator);
        };
    }

    private FieldPath fieldPath(Token name) {
        List<String> segments = List.of(name.text().split("/", -1));
        if (segments.contains("")) {
            throw error("Bad field path '" + name.text() + "': empty segment", name);
        }
        if (segments.equals(List.of("lastUpdated"))) {
            return LAST_UPDATED;
        }
        if (!knownField.test(segments.get(0))) {
            throw error("Unknown field '" + segments.get(0) + "'", name);
        }
        return new FieldPath(segments);
    }

    private Comparison symbolic(FieldPath field, Token operator) {
        return switch (operator.text()) {
            case "=" -> new Comparison(field, new FieldCheck.Equality(value(operator)), false);
            case "!=" -> new Comparison(field, new FieldCheck.Equality(value(operator)), true);
            case "<" -> ordering(field, operator, Order.LESS);
            case "<=" -> ordering(field, operator, Order.AT_MOST);
            case ">" -> ordering(field, operator, Order.GREATER);
            case ">=" -> ordering(field, operator, Order.AT_LEAST);
            default -> throw error("Unknown operator '" + operator.text() + "'", operator);
        };
    }

    private Comparison worded(FieldPath field, Token operator) {
        boolean negated = operator.isKeyword("not");
        Token word = negated ? advance() : operator;
        String keyword = word.kind() == Token.Kind.WORD ? word.text().toLowerCase(Locale.ROOT) : "";
        FieldCheck check = switch (keyword) {
            case "contains" -> new FieldCheck.Likeness(WildcardPattern.containing(text(word)));
            case "like" -> new FieldCheck.Likeness(WildcardPattern.like(text(word)));
            case "in" -> new FieldCheck.Membership(list(word));
            default -> throw negated
                    ? error("Expected 'contains', 'like' or 'in' after 'not' but found " + word.describe(), word)
                    : error("Unknown operator '" + word.text() + "'", word);
        };
        return new Comparison(field, check, negated);
    }

    private Comparison ordering(FieldPath field, Token operator, Order order) {
        Token at = peek();
        if (value(operator) instanceof Value.Ordered ordered) {
            return new Comparison(field, new FieldCheck.Ordering(ordered, order), false);
        }
        throw error("Operator '" + operator.text() + "' needs a string, number or date-time, not "
                + at.describe(), at);
    }

    private String text(Token operator) {
        Token at = peek();
        if (value(operator) instanceof Value.Text text) {
            return text.text();
        }
        throw error("Operator '" + operator.text() + "' needs a quoted string, not " + at.describe(), at);
    }

    private List<Value> list(Token in) {
        Token open = advance();
        if (open.kind() != Token.Kind.OPEN) {
            throw error("Expected '(' with a list after 'in' but found " + open.describe(), open);
        }
        if (peek().kind() == Token.Kind.CLOSE) {
            throw error("Empty list for '" + in.text() + "'", open);
        }
        List<Value> values = new ArrayList<>();
        Token separator = open;
        while (separator.kind() != Token.Kind.CLOSE) {
            values.add(value(separator));
            separator = advance();
            if (separator.kind() == Token.Kind.END) {
                throw error("Unterminated list for 'in': missing ')'", open);
            }
            if (separator.kind() != Token.Kind.COMMA && separator.kind() != Token.Kind.CLOSE) {
                throw error("Expected ',' or ')' in the list but found " + separator.describe(), separator);
            }
        }
        return values;
    }

    private Value value(Token after) {
        Token token = advance();
        return switch (token.kind()) {
            case STRING -> new Value.Text(token.text());
            case NUMBER -> Value.Numeric.of(token.text());
            case DATE_TIME -> dateTime(token);
            case WORD -> bareWord(after, token);
            case END -> throw error("Missing value after '" + after.text() + "'", token);
            default -> throw error("Missing value after '" + after.text() + "', found " + token.describe(), token);
        };
    }

    private Value bareWord(Token after, Token word) {
        if (word.isKeyword("true") || word.isKeyword("false")) {
            return new Value.Bool(word.isKeyword("true"));
        }
        if (word.isKeyword("null")) {
            return new Value.Null();
        }
        if (word.isConnective()) {
            throw error("Missing value after '" + after.text() + "', found " + word.describe(), word);
        }
        throw error("Unquoted value " + word.describe() + " (strings need double quotes)", word);
    }

    private Value dateTime(Token token) {
        Instant instant = IsoDateTime.parse(token.text().strip());
        if (instant == null) {
            throw error("Bad date-time " + token.describe() + " (expected ISO-8601, e.g. [2026-01-01T00:00:00Z])", token);
        }
        return new Value.DateTime(instant);
    }

    private Token peek() {
        return tokens.get(current);
    }

    /** The next token; END repeats forever so lookahead never runs off the list. */
    private Token advance() {
        Token token = tokens.get(current);
        if (token.kind() != Token.Kind.END) {
            current++;
        }
        return token;
    }

    private static ConditionsSyntaxException error(String problem, Token at) {
        return new ConditionsSyntaxException(problem + " at position " + at.position());
    }
}
