package dev.cwlifecycle.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured Markdown table, readable as plain text on the console too (columns padded). */
final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("A row needs " + headers.size() + " cells, not " + cells.length);
        }
        rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = Math.max(3, headers.get(column).length());
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, headers, widths);
        table.append('|');
        for (int width : widths) {
            table.append(' ').append("-".repeat(width)).append(" |");
        }
        table.append('\n');
        rows.forEach(row -> line(table, row, widths));
        return table.toString();
    }

    private static void line(StringBuilder table, List<String> cells, int[] widths) {
        table.append('|');
        for (int column = 0; column < widths.length; column++) {
            String cell = cells.get(column);
            table.append(' ').append(cell).append(" ".repeat(widths[column] - cell.length())).append(" |");
        }
        table.append('\n');
    }
}
