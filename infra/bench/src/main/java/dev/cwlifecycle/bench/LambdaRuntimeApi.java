package dev.cwlifecycle.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as Lambda serves it to a {@code provided.al2023} bootstrap or to
 * the java21 runtime's client: the function asks for the next invocation, then posts its response or its error.
 * {@link #invoke} hands one event over and waits for what the function answered.
 */
final class LambdaRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    /** What the function answered: its payload, or the error it reported (then {@code error} is true). */
    record Answer(String payload, boolean error) {
    }

    private record Invocation(String requestId, String event, CompletableFuture<Answer> answer) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreadFactory.INSTANCE);
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    private LambdaRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(BASE, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static LambdaRuntimeApi start() {
        try {
            return new LambdaRuntimeApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Hands {@code event} to the next {@code /invocation/next} and waits for the function's answer, as long as
     * {@code alive} holds (a runtime that exited never answers).
     */
    Answer invoke(String event, Duration timeout, BooleanSupplier alive) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        pending.add(invocation);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            CompletableFuture<Object> first = CompletableFuture.anyOf(invocation.answer(), initError);
            while (true) {
                try {
                    return first.get(100, TimeUnit.MILLISECONDS) instanceof Answer answer ? answer : failInit();
                } catch (TimeoutException notYet) {
                    if (!alive.getAsBoolean()) {
                        throw new IllegalStateException("The function exited without answering");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The function did not answer within "
                                + timeout.toSeconds() + " s");
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the function ran", e);
        } finally {
            pending.remove(invocation);
        }
    }

    private Answer failInit() {
        throw new IllegalStateException("The function failed to initialise: " + initError.join());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath().substring(BASE.length());
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next") && http.getRequestMethod().equals("GET")) {
                next(http);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                respond(http, 202, "{}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = running.remove(requestId);
                if (invocation == null) {
                    respond(http, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                invocation.answer().complete(new Answer(body, path.endsWith("/error")));
                respond(http, 202, "{}");
            } else {
                respond(http, 404, "{}");
            }
        }
    }

    /** Blocks like Lambda does until there is work; the function's poll loop sits here between invocations. */
    private void next(HttpExchange http) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.requestId(), invocation);
        http.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        http.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + 300_000));
        http.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:cw-lifecycle-check");
        http.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        respond(http, 200, invocation.event());
    }

    private static void respond(HttpExchange http, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        http.getResponseBody().write(bytes);
    }

    private enum DaemonThreadFactory implements java.util.concurrent.ThreadFactory {
        INSTANCE;

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "lambda-runtime-api");
            thread.setDaemon(true);
            return thread;
        }
    }
}
