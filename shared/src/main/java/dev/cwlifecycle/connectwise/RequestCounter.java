package dev.cwlifecycle.connectwise;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the HTTP requests (retries included) one operation sent to ConnectWise, for its response and logs. */
public final class RequestCounter {

    private final AtomicInteger requests = new AtomicInteger();

    void increment() {
        requests.incrementAndGet();
    }

    public int requests() {
        return requests.get();
    }
}
