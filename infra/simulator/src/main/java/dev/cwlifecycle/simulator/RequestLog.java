package dev.cwlifecycle.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Every request the simulator answered (or dropped), oldest first; thread-safe. */
public final class RequestLog {

    /** Long benchmark runs must not grow without bound; the oldest entries go first. */
    private static final int CAPACITY = 200_000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** Requests with this method ({@code null} = any) whose path starts with {@code pathPrefix}, ignoring case. */
    public synchronized int count(String method, String pathPrefix) {
        return (int) entries.stream()
                .filter(request -> method == null || request.method().equalsIgnoreCase(method))
                .filter(request -> request.path().regionMatches(true, 0, pathPrefix, 0, pathPrefix.length()))
                .count();
    }

    synchronized void add(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }
}
