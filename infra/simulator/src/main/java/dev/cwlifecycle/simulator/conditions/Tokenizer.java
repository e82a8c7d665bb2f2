package dev.cwlifecycle.simulator.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a conditions string into tokens, always ending with an {@link Token.Kind#END} token. */
final class Tokenizer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String text;
    private int index;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Tokenizer tokenizer = new Tokenizer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = tokenizer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
        int start = index;
        if (start == text.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = text.charAt(start);
        return switch (c) {
            case '(' -> single(Token.Kind.OPEN);
            case ')' -> single(Token.Kind.CLOSE);
            case ',' -> single(Token.Kind.COMMA);
            case '"' -> enclosed(Token.Kind.STRING, '"', "string");
            case '[' -> enclosed(Token.Kind.DATE_TIME, ']', "date-time");
            default -> unquoted(c, start);
        };
    }

    private Token unquoted(char c, int start) {
        if (isOperatorChar(c)) {
            return run(Token.Kind.OPERATOR, Tokenizer::isOperatorChar);
        }
        if (c == '-' || Character.isDigit(c)) {
            Token number = run(Token.Kind.NUMBER, ch -> ch == '-' || ch == '.' || isWordChar(ch));
            if (!NUMBER.matcher(number.text()).matches()) {
                throw new ConditionsSyntaxException("Bad number '" + number.text() + "' at position " + start);
            }
            return number;
        }
        if (Character.isLetter(c) || c == '_') {
            return run(Token.Kind.WORD, Tokenizer::isWordChar);
        }
        throw new ConditionsSyntaxException("Unexpected character '" + c + "' at position " + start);
    }

    private Token single(Token.Kind kind) {
        Token token = new Token(kind, text.substring(index, index + 1), index);
        index++;
        return token;
    }

    /** A string or date-time: everything up to the closing character, with no escapes (ConnectWise has none). */
    private Token enclosed(Token.Kind kind, char close, String what) {
        int start = index;
        int end = text.indexOf(close, start + 1);
        if (end < 0) {
            throw new ConditionsSyntaxException("Unterminated " + what + " starting at position " + start);
        }
        index = end + 1;
        return new Token(kind, text.substring(start + 1, end), start);
    }

    private Token run(Token.Kind kind, CharClass chars) {
        int start = index;
        while (index < text.length() && chars.contains(text.charAt(index))) {
            index++;
        }
        return new Token(kind, text.substring(start, index), start);
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '/';
    }

    @FunctionalInterface
    private interface CharClass {
        boolean contains(char c);
    }
}
