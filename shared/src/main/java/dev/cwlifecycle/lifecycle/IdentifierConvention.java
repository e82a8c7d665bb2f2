package dev.cwlifecycle.lifecycle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * ConnectWise identifiers (the login name): at most 15 characters, made from the names by a pattern when the
 * caller gives none, ASCII-folded and lower case (José Müller-Lüdenscheidt → jmullerludensch), with a numeric
 * suffix that still fits in 15 characters when the name is taken.
 */
final class IdentifierConvention {

    static final int MAX_LENGTH = 15;
    /** Suffixes 2..99: a prefix this much shorter than the limit covers every candidate in one query. */
    private static final int MAX_SUFFIX_DIGITS = 2;
    private static final Map<String, String> LIGATURES = Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
            "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

    private final String pattern;

    IdentifierConvention(String pattern) {
        this.pattern = pattern;
    }

    /** The base identifier for these names, or empty when they hold no ASCII letter or digit at all. */
    Optional<String> base(String firstName, String lastName) {
        String first = fold(firstName);
        String last = fold(lastName);
        String identifier = pattern
                .replace("{first}", first).replace("{last}", last)
                .replace("{f}", first.isEmpty() ? "" : first.substring(0, 1))
                .replace("{l}", last.isEmpty() ? "" : last.substring(0, 1))
                .replaceAll("[^a-z0-9._-]", "");
        identifier = identifier.substring(0, Math.min(MAX_LENGTH, identifier.length()));
        return identifier.isEmpty() ? Optional.empty() : Optional.of(identifier);
    }

    /** What every candidate for {@code base} starts with: the query prefix that finds all taken ones. */
    static String candidatePrefix(String base) {
        return base.substring(0, Math.min(base.length(), MAX_LENGTH - MAX_SUFFIX_DIGITS));
    }

    /** {@code base}, then {@code base2}, {@code base3} … each cut to fit 15 characters. */
    static Stream<String> candidates(String base) {
        return Stream.concat(Stream.of(base), IntStream.rangeClosed(2, 99).mapToObj(n -> {
            String suffix = Integer.toString(n);
            return base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }));
    }

    static String fold(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> ligature : LIGATURES.entrySet()) {
            lower = lower.replace(ligature.getKey(), ligature.getValue());
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
    }
}
