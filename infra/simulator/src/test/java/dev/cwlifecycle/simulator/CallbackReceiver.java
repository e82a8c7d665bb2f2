package dev.cwlifecycle.simulator;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Our side of a callback: a small HTTP server that records what ConnectWise POSTs and answers as told. */
final class CallbackReceiver implements AutoCloseable {

    /** One POST as received: the raw body and the signature header. */
    record Received(String body, String signature) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile Duration answerAfter = Duration.ZERO;

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("x-content-signature")));
            Integer status = statuses.poll();
            try {
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/connectwise";
    }

    /** The statuses of the next answers, in order; 200 after they are used up. */
    void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    void answerAfter(Duration delay) {
        answerAfter = delay;
    }

    Received next() {
        try {
            Received next = received.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no callback arrived within 10 s");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Forgets what arrived so far. */
    void clear() {
        received.clear();
    }

    /** Fails as soon as a callback arrives during {@code quiet}. */
    void assertNothingArrivesFor(Duration quiet) {
        Awaitility.await("no callback for " + quiet).during(quiet).atMost(quiet.plusSeconds(1))
                .pollInterval(Duration.ofMillis(20)).until(received::isEmpty);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
