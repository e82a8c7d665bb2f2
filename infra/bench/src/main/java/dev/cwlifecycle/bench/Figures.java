package dev.cwlifecycle.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** How figures read in the report: fixed formats, so two runs compare line by line. */
final class Figures {

    static final String MET = "met";
    static final String MISSED = "**MISSED**";

    private Figures() {
    }

    static String time(Duration duration) {
        long ms = duration.toMillis();
        return ms < 1000 ? format("%d ms", ms) : format("%.2f s", duration.toNanos() / 1e9);
    }

    static String millis(double ms) {
        return format("%.1f ms", ms);
    }

    static String count(double value) {
        return value == Math.rint(value) ? format("%,d", (long) value) : format("%,.2f", value);
    }

    static String megabytes(long bytes) {
        return format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String verdict(boolean met) {
        return met ? MET : MISSED;
    }

    static String dollars(double amount) {
        return amount < 0.01 ? format("$%.4f", amount) : format("$%.2f", amount);
    }

    /** A price as written, without an exponent. */
    static String plain(double price) {
        return new BigDecimal(Double.toString(price)).toPlainString();
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
