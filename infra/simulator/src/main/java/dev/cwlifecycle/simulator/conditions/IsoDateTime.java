package dev.cwlifecycle.simulator.conditions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 date-times as conditions use them: {@code 2026-01-01}, {@code 2026-01-01T10:00[:00[.123]]} and either
 * followed by {@code Z} or {@code +hh:mm}; no zone means UTC, a date alone is its UTC midnight.
 * Hand-parsed because every member's {@code lastUpdated} is read per request: DateTimeFormatter costs
 * several microseconds per value, too slow for 100,000 members.
 */
final class IsoDateTime {

    private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
        100, 10, 1};

    private IsoDateTime() {
    }

    /** The instant the text denotes, or null when it is not such a date-time (including impossible dates). */
    static Instant parse(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            if (text.length() == 10) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return text.charAt(10) == 'T' ? timeOfDay(text, date) : null;
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static Instant timeOfDay(String text, LocalDate date) {
        if (text.length() < 16 || text.charAt(13) != ':') {
            return null;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int nano = 0;
        int at = 16;
        if (at < text.length() && text.charAt(at) == ':') {
            second = digits(text, at + 1, 2);
            at += 3;
            if (at < text.length() && text.charAt(at) == '.') {
                int end = at + 1;
                while (end < text.length() && isDigit(text.charAt(end))) {
                    end++;
                }
                int count = end - at - 1;
                if (count == 0 || count > 9) {
                    return null;
                }
                nano = digits(text, at + 1, count) * NANOS_PER_DIGIT[count];
                at = end;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (hour < 0 || minute < 0 || second < 0 || offset == null) {
            return null;
        }
        return date.atTime(LocalTime.of(hour, minute, second, nano)).toInstant(offset);
    }

    /** {@code Z}, {@code +hh:mm}, {@code -hh:mm} or nothing (UTC); null for anything else. */
    private static ZoneOffset offset(String text, int at) {
        int remaining = text.length() - at;
        if (remaining == 0 || remaining == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = text.charAt(at);
        if (remaining != 6 || sign != '+' && sign != '-' || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0) {
            return null;
        }
        return sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 if any is missing or not a digit. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
