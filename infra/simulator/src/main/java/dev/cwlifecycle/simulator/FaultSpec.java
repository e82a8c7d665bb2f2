package dev.cwlifecycle.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults written as text, for {@code --faults} and {@code POST /_simulator/faults}: comma-separated
 * {@code METHOD:PATH_REGEX=KIND}, then {@code *N} (the next N matching requests; 1 without either) or {@code :pP}
 * (each matching request with probability P). METHOD is a method or {@code *}; PATH_REGEX is matched against the
 * path after {@code apis/3.0}, ignoring case; KIND is a status ({@code 500}), {@code 429} or {@code 429@30s}
 * (with {@code Retry-After}), {@code latency@2s} or {@code latency@250ms}, {@code drop-before-processing} or
 * {@code drop-after-processing}. Example: {@code POST:/system/members=drop-after-processing*1,GET:.*=429@30s:p0.2}.
 */
final class FaultSpec {

    /** An entry starts where a method and a colon follow a comma, so a regex may hold commas ({@code \d{1,3}}). */
    private static final Pattern ENTRIES = Pattern.compile(",(?=\\s*(?:[A-Za-z]+|\\*):)");
    private static final Pattern ENTRY = Pattern.compile(
            "\\s*([A-Za-z]+|\\*):(.+)=([a-z0-9@-]+?)(?:\\*(\\d+)|:p(0(?:\\.\\d+)?|1(?:\\.0+)?))?\\s*");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern RETRY_AFTER = Pattern.compile("429@(\\d+)s");
    private static final Pattern LATENCY = Pattern.compile("latency@(\\d+)(ms|s)");

    private FaultSpec() {
    }

    /** The faults {@code spec} describes; an IllegalArgumentException names the entry it cannot read. */
    static List<Fault> parse(String spec) {
        return Arrays.stream(ENTRIES.split(spec.trim())).map(FaultSpec::entry).toList();
    }

    private static Fault entry(String text) {
        Matcher entry = ENTRY.matcher(text);
        if (!entry.matches()) {
            throw new IllegalArgumentException("a fault is METHOD:PATH_REGEX=KIND[*N|:pP], not '" + text.trim() + "'");
        }
        String method = entry.group(1).equals("*") ? null : entry.group(1);
        Fault.Target target;
        try {
            target = Fault.on(method, entry.group(2));
        } catch (RuntimeException badRegex) {
            throw new IllegalArgumentException("'" + entry.group(2) + "' is not a regular expression");
        }
        Fault fault = kind(target, entry.group(3));
        if (entry.group(4) != null) {
            return fault.times(Integer.parseInt(entry.group(4)));
        }
        return entry.group(5) == null ? fault : fault.probability(Double.parseDouble(entry.group(5)));
    }

    private static Fault kind(Fault.Target target, String kind) {
        Matcher retryAfter = RETRY_AFTER.matcher(kind);
        Matcher latency = LATENCY.matcher(kind);
        if (kind.equals("drop-before-processing")) {
            return target.dropBeforeProcessing();
        } else if (kind.equals("drop-after-processing")) {
            return target.dropAfterProcessing();
        } else if (kind.equals("429")) {
            return target.rateLimited(null);
        } else if (retryAfter.matches()) {
            return target.rateLimited(Integer.parseInt(retryAfter.group(1)));
        } else if (latency.matches()) {
            long amount = Long.parseLong(latency.group(1));
            return target.latency(latency.group(2).equals("s") ? Duration.ofSeconds(amount)
                    : Duration.ofMillis(amount));
        } else if (STATUS.matcher(kind).matches()) {
            return target.status(Integer.parseInt(kind));
        }
        throw new IllegalArgumentException("'" + kind + "' is not a fault kind: a status, 429@Ns, latency@N(ms|s),"
                + " drop-before-processing or drop-after-processing");
    }
}
