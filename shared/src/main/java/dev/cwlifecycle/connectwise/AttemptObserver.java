package dev.cwlifecycle.connectwise;

/** Told of every attempt a tenant's requests send: its HTTP status (0 when no answer came) and its number. */
@FunctionalInterface
public interface AttemptObserver {

    /** For clients built outside CDI (plain tests, tools), where no metrics are kept. */
    AttemptObserver NONE = (tenant, status, attempt) -> {
    };

    void attempted(String tenant, int status, int attempt);
}
