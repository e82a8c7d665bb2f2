package dev.cwlifecycle.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends callbacks the way ConnectWise does: a POST, at most 5 s to answer, any 2xx is success, and only
 * 404/409/419/429 are retried, twice, after the two retry delays. Attempts run one at a time, in order, on one
 * worker thread, so holding and releasing gives a predictable (or deliberately reversed) order.
 */
final class CallbackDelivery implements AutoCloseable {

    private static final Set<Integer> RETRIED = Set.of(404, 409, 419, 429);
    private static final int ATTEMPTS = 3;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    /** A signed callback ready to send. */
    record Outgoing(String url, String body, String signature) {
    }

    private final ScheduledExecutorService worker;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final Duration firstRetry;
    private final Duration secondRetry;
    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final List<Outgoing> held = new ArrayList<>();
    private boolean holding;

    CallbackDelivery(Duration firstRetry, Duration secondRetry) {
        this.firstRetry = firstRetry;
        this.secondRetry = secondRetry;
        this.worker = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("cw-sim-callbacks"));
        this.httpThreads = Executors.newCachedThreadPool(new DaemonThreads("cw-sim-callbacks-http"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ANSWER_WITHIN)
                .executor(httpThreads)
                .build();
    }

    synchronized void send(Outgoing callback) {
        if (holding) {
            held.add(callback);
        } else {
            worker.execute(() -> attempt(callback, 1));
        }
    }

    synchronized void hold() {
        holding = true;
    }

    /** Sends what was held, in order or reversed (out-of-order delivery), and stops holding. */
    synchronized void release(boolean reversed) {
        List<Outgoing> batch = new ArrayList<>(held);
        held.clear();
        holding = false;
        if (reversed) {
            Collections.reverse(batch);
        }
        batch.forEach(callback -> worker.execute(() -> attempt(callback, 1)));
    }

    /** Sends an earlier delivery's exact body and signature again: a duplicate. */
    void redeliver(Delivery earlier) {
        worker.execute(() -> attempt(new Outgoing(earlier.url(), earlier.body(), earlier.signature()), 1));
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        httpThreads.shutdownNow();
    }

    private void attempt(Outgoing callback, int attempt) {
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url()))
                    .timeout(ANSWER_WITHIN)
                    .header("Content-Type", "application/json")
                    .header("x-content-signature", callback.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            error = "no answer within " + ANSWER_WITHIN.toSeconds() + " s";
        } catch (IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        deliveries.add(new Delivery(callback.url(), callback.body(), callback.signature(), status, error, attempt));
        if (status != null && RETRIED.contains(status) && attempt < ATTEMPTS) {
            Duration delay = attempt == 1 ? firstRetry : secondRetry;
            worker.schedule(() -> attempt(callback, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
