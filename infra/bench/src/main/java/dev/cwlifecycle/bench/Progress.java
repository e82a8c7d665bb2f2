package dev.cwlifecycle.bench;

/** One line per finished step on the console, so a long run shows where it is. */
@FunctionalInterface
public interface Progress {

    void report(String format, Object... args);

    static Progress console() {
        return (format, args) -> System.out.println("  " + String.format(format, args));
    }
}
