package dev.cwlifecycle.simulator.conditions;

import java.util.Arrays;
import java.util.List;

/** Literal pieces, matched ignoring case, with a gap of any length between consecutive pieces. */
record WildcardPattern(List<String> pieces) {

    WildcardPattern {
        pieces = List.copyOf(pieces);
    }

    /** A {@code like} pattern: {@code *} is the wildcard, every other character is literal. */
    static WildcardPattern like(String pattern) {
        return new WildcardPattern(Arrays.asList(pattern.split("\\*", -1)));
    }

    /** {@code contains}: the text anywhere, taken literally. */
    static WildcardPattern containing(String text) {
        return new WildcardPattern(List.of("", text, ""));
    }

    boolean matches(String text) {
        int last = pieces.size() - 1;
        String head = pieces.get(0);
        if (last == 0) {
            return text.equalsIgnoreCase(head);
        }
        String tail = pieces.get(last);
        int tailStart = text.length() - tail.length();
        if (tailStart < head.length()
                || !text.regionMatches(true, 0, head, 0, head.length())
                || !text.regionMatches(true, tailStart, tail, 0, tail.length())) {
            return false;
        }
        int from = head.length();
        for (int i = 1; i < last; i++) {
            String piece = pieces.get(i);
            int at = indexOf(text, piece, from, tailStart);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
        }
        return true;
    }

    /** Leftmost occurrence in {@code text[from, end)}; taking the leftmost is safe because gaps absorb anything. */
    private static int indexOf(String text, String piece, int from, int end) {
        for (int at = from; at + piece.length() <= end; at++) {
            if (text.regionMatches(true, at, piece, 0, piece.length())) {
                return at;
            }
        }
        return -1;
    }
}
