package dev.cwlifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's prose, kept in {@code report-template.md} so it reads (and is edited) as Markdown: named parts, each
 * with {@code {{placeholder}}}s the bench fills. A placeholder left unfilled, or a value with no placeholder, is a
 * bug in the bench and fails the run rather than printing a half-written report.
 */
final class ReportTemplate {

    static final String RESOURCE = "report-template.md";
    private static final Pattern PART = Pattern.compile("^<!-- part ([\\w-]+) -->\\n", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([\\w-]+)}}");

    private final Map<String, String> parts;

    ReportTemplate(String text) {
        this.parts = parts(text);
    }

    static ReportTemplate load() {
        try (InputStream in = ReportTemplate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bench's resources");
            }
            return new ReportTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part {@code name} with every placeholder replaced by its value in {@code values}. */
    String fill(String name, Map<String, String> values) {
        String part = parts.get(name);
        if (part == null) {
            throw new IllegalArgumentException("No part " + name + " in " + RESOURCE);
        }
        Matcher placeholders = PLACEHOLDER.matcher(part);
        StringBuilder filled = new StringBuilder();
        Set<String> used = new HashSet<>();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + placeholders.group(1) + "}} in part " + name);
            }
            used.add(placeholders.group(1));
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(filled);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalArgumentException("Part " + name + " has no place for " + values.keySet().stream()
                    .filter(key -> !used.contains(key)).toList());
        }
        return filled.toString();
    }

    private static Map<String, String> parts(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher markers = PART.matcher(text);
        String name = null;
        int start = 0;
        while (markers.find()) {
            if (name != null) {
                parts.put(name, text.substring(start, markers.start()));
            }
            name = markers.group(1);
            start = markers.end();
        }
        if (name != null) {
            parts.put(name, text.substring(start));
        }
        return parts;
    }
}
