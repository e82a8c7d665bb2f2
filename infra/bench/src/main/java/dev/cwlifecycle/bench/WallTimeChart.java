package dev.cwlifecycle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The chart of full-sync wall time over N against its limit (the larger of ceil(N/1000) x L and the writes alone),
 * as SVG written by the bench alone. Both axes are logarithmic: N spans two decades and the times three.
 */
final class WallTimeChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 430;
    private static final int LEFT = 80;
    private static final int RIGHT = 690;
    private static final int TOP = 50;
    private static final int BOTTOM = 370;

    /** One line; {@code labelBelow} puts its point labels under the points, clear of a line running close above. */
    private record Series(String label, String colour, String dash, boolean labelBelow, List<double[]> points) {
    }

    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;
    private final List<Series> series;

    private WallTimeChart(List<Series> series) {
        this.series = series;
        List<double[]> all = series.stream().flatMap(s -> s.points().stream()).toList();
        this.minX = all.stream().mapToDouble(p -> Math.log10(p[0])).min().orElse(3) - 0.25;
        this.maxX = all.stream().mapToDouble(p -> Math.log10(p[0])).max().orElse(5) + 0.25;
        this.minY = Math.floor(all.stream().mapToDouble(p -> Math.log10(p[1])).min().orElse(-1));
        this.maxY = Math.ceil(all.stream().mapToDouble(p -> Math.log10(p[1])).max().orElse(2));
    }

    /** The chart of the full syncs at {@code latency} (with its limit and target) and at L = 0. */
    static String render(List<SyncFigure> fullSyncs, Duration latency, double targetRatio) {
        List<SyncFigure> slow = fullSyncs.stream().filter(f -> f.latency().equals(latency)).toList();
        List<SyncFigure> fast = fullSyncs.stream().filter(f -> f.latency().isZero()).toList();
        long ms = latency.toMillis();
        List<Series> series = new ArrayList<>();
        series.add(new Series("measured, L = " + ms + " ms", "#1f77b4", null, true,
                points(slow, f -> seconds(f.wall()))));
        series.add(new Series("limit: ceil(N/1000) x " + ms + " ms or the writes alone", "#555555", "6 4", false,
                points(slow, f -> seconds(f.limit()))));
        series.add(new Series("target " + targetRatio + " x limit", "#d62728", "2 4", false,
                points(slow, f -> seconds(f.limit()) * targetRatio)));
        series.add(new Series("measured, L = 0 (DynamoDB Local bound)", "#2ca02c", null, false,
                points(fast, f -> seconds(f.wall()))));
        return new WallTimeChart(series).svg();
    }

    private String svg() {
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(format("<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Full sync: wall time against"
                + " the network-bound limit</text>%n", LEFT));
        for (int decade = (int) minY; decade <= (int) maxY; decade++) {
            double y = y(decade);
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n", LEFT, y,
                    RIGHT, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s s</text>%n", LEFT - 8, y + 4,
                    trim(Math.pow(10, decade))));
        }
        series.get(0).points().forEach(point -> {
            double x = x(Math.log10(point[0]));
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e0e0e0\"/>%n", x, TOP, x,
                    BOTTOM));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x, BOTTOM + 18,
                    (long) point[0]));
        });
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888888\"/>%n",
                LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP));
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">members N (log scale)</text>%n",
                (LEFT + RIGHT) / 2, BOTTOM + 40));
        svg.append(format("<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">wall time"
                + " (log scale)</text>%n", (TOP + BOTTOM) / 2, (TOP + BOTTOM) / 2));
        for (int i = 0; i < series.size(); i++) {
            line(svg, series.get(i));
            legend(svg, series.get(i), i);
        }
        return svg.append("</svg>\n").toString();
    }

    private void line(StringBuilder svg, Series one) {
        StringBuilder points = new StringBuilder();
        for (double[] point : one.points()) {
            points.append(format("%.1f,%.1f ", x(Math.log10(point[0])), y(Math.log10(point[1]))));
        }
        svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                one.colour(), one.dash() == null ? "" : " stroke-dasharray=\"" + one.dash() + "\"",
                points.toString().trim()));
        if (one.dash() == null) {
            for (double[] point : one.points()) {
                double x = x(Math.log10(point[0]));
                double y = y(Math.log10(point[1]));
                svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", x, y, one.colour()));
                svg.append(format("<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s s</text>%n", x + 7,
                        one.labelBelow() ? y + 16 : y - 6, one.colour(), trim(point[1])));
            }
        }
    }

    private static void legend(StringBuilder svg, Series one, int index) {
        int y = TOP + 18 + index * 18;
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                LEFT + 12, y - 4, LEFT + 40, y - 4, one.colour(),
                one.dash() == null ? "" : " stroke-dasharray=\"" + one.dash() + "\""));
        svg.append(format("<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 48, y, one.label()));
    }

    private double x(double logN) {
        return LEFT + (logN - minX) / (maxX - minX) * (RIGHT - LEFT);
    }

    private double y(double logSeconds) {
        return BOTTOM - (logSeconds - minY) / (maxY - minY) * (BOTTOM - TOP);
    }

    private static List<double[]> points(List<SyncFigure> figures, ToDoubleFunction<SyncFigure> seconds) {
        return figures.stream().map(f -> new double[] {f.members(), seconds.applyAsDouble(f)}).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String trim(double value) {
        return value >= 10 ? format("%.0f", value) : value >= 1 ? format("%.1f", value) : format("%.2f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
