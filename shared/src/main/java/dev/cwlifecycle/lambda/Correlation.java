package dev.cwlifecycle.lambda;

import org.jboss.logging.MDC;

/**
 * The invocation's correlation id in the MDC, so every log line of it ends with the id (and an API answer's
 * {@code X-Correlation-Id} finds them); removed when the invocation ends. Every function's edge opens one.
 */
public final class Correlation implements AutoCloseable {

    private static final String MDC_KEY = "correlationId";

    private Correlation() {
    }

    /** @param id null leaves the logs without one (a thread that inherited none) */
    public static Correlation of(String id) {
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
        return new Correlation();
    }

    /** The current invocation's id, or null outside one: to carry it to another thread. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    @Override
    public void close() {
        MDC.remove(MDC_KEY);
    }
}
