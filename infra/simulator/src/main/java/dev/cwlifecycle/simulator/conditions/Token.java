package dev.cwlifecycle.simulator.conditions;

/** One lexical unit of a conditions string; {@code position} is its 0-based offset in the text. */
record Token(Kind kind, String text, int position) {

    enum Kind { WORD, STRING, NUMBER, DATE_TIME, OPERATOR, OPEN, CLOSE, COMMA, END }

    /** Keywords (and, or, not, in, like, contains, true, false, null) are case-insensitive. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Keywords that can never be a field name or a value. */
    boolean isConnective() {
        return isKeyword("and") || isKeyword("or") || isKeyword("not");
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "'\"" + text + "\"'";
            case DATE_TIME -> "'[" + text + "]'";
            default -> "'" + text + "'";
        };
    }
}
