package dev.cwlifecycle.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A failure to inject: which requests it hits ({@link #on}), what happens to them (one kind), and how often
 * ({@link #times}, default 1, or {@link #probability} with the simulator's seeded random).
 */
public final class Fault {

    /** What happens to a request the fault hits. */
    public sealed interface Kind permits Status, RateLimited, Latency, DropBeforeProcessing, DropAfterProcessing {

        /** The fault's name in the request log. */
        String label();
    }

    /** Answer with this status and a ConnectWise-shaped body, without processing. */
    public record Status(int status) implements Kind {
        @Override
        public String label() {
            return "status-" + status;
        }
    }

    /** Answer 429, with a {@code Retry-After} header when {@code retryAfterSeconds} is not null. */
    public record RateLimited(Integer retryAfterSeconds) implements Kind {
        @Override
        public String label() {
            return "rate-limited";
        }
    }

    /** Wait this long, then process normally. */
    public record Latency(Duration delay) implements Kind {
        @Override
        public String label() {
            return "latency-" + delay.toMillis() + "ms";
        }
    }

    /** Read the request, then close the connection: no answer, no effect. */
    public record DropBeforeProcessing() implements Kind {
        @Override
        public String label() {
            return "drop-before-processing";
        }
    }

    /** Process the request fully, then close the connection without answering: the ambiguous case. */
    public record DropAfterProcessing() implements Kind {
        @Override
        public String label() {
            return "drop-after-processing";
        }
    }

    /** The requests a fault will hit; pick the kind to get the {@link Fault}. */
    public record Target(String method, String pathRegex) {

        /** A bad regex fails here, where the test arms the fault, not on the request it was meant for. */
        public Target {
            Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
        }

        public Fault status(int status) {
            return new Fault(this, new Status(status), 1, null);
        }

        public Fault rateLimited(Integer retryAfterSeconds) {
            return new Fault(this, new RateLimited(retryAfterSeconds), 1, null);
        }

        public Fault latency(Duration delay) {
            return new Fault(this, new Latency(delay), 1, null);
        }

        public Fault dropBeforeProcessing() {
            return new Fault(this, new DropBeforeProcessing(), 1, null);
        }

        public Fault dropAfterProcessing() {
            return new Fault(this, new DropAfterProcessing(), 1, null);
        }
    }

    private final String method;
    private final Pattern path;
    private final Kind kind;
    private final int times;
    private final Double probability;

    private Fault(Target target, Kind kind, int times, Double probability) {
        this.method = target.method();
        this.path = Pattern.compile(target.pathRegex(), Pattern.CASE_INSENSITIVE);
        this.kind = kind;
        this.times = times;
        this.probability = probability;
    }

    /**
     * Requests with this method ({@code null} = any) whose whole path, relative to {@code apis/3.0}
     * (e.g. {@code /system/members/\d+}), matches {@code pathRegex}, ignoring case.
     */
    public static Target on(String method, String pathRegex) {
        return new Target(method, pathRegex);
    }

    /** Hit the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new Fault(new Target(method, path.pattern()), kind, n, null);
    }

    /** Hit each matching request with probability {@code p}, for as long as the fault stays armed. */
    public Fault probability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        return new Fault(new Target(method, path.pattern()), kind, 0, p);
    }

    public Kind kind() {
        return kind;
    }

    int times() {
        return times;
    }

    Double probability() {
        return probability;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return kind.label() + " on " + (method == null ? "*" : method) + " " + path.pattern();
    }
}
