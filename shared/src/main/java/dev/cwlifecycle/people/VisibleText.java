package dev.cwlifecycle.people;

import java.util.Optional;
import java.util.Set;

/**
 * Characters a reader cannot see or that reorder what they see: controls, format characters (zero-width, bidi
 * overrides such as U+202E, U+FEFF), separators and lone surrogates. Letters of every script stay allowed.
 */
public final class VisibleText {

    /** What a name, title or other text field must not contain. */
    public static final Set<Integer> TEXT_HIDDEN = Set.of((int) Character.CONTROL, (int) Character.FORMAT,
            (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR, (int) Character.SURROGATE);

    /** What an email address must not contain: the above and every space (Zs), such as U+00A0. */
    public static final Set<Integer> EMAIL_HIDDEN = Set.of((int) Character.CONTROL, (int) Character.FORMAT,
            (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR, (int) Character.SURROGATE,
            (int) Character.SPACE_SEPARATOR);

    private VisibleText() {
    }

    /** The first character of one of {@code categories} (Character.getType), as {@code U+200B at 4}, if any. */
    public static Optional<String> firstHidden(String text, Set<Integer> categories) {
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            if (categories.contains(Character.getType(codePoint))) {
                return Optional.of(String.format("U+%04X at position %d", codePoint, index + 1));
            }
            index += Character.charCount(codePoint);
        }
        return Optional.empty();
    }
}
