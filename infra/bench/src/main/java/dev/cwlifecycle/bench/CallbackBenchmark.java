package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.callback.CallbackHandler;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.RecordedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callback intake: the simulator signs and delivers one callback per member update to a recorder that only keeps
 * them; the recorded deliveries are then answered by the callback handler from a few threads, timed. The simulator
 * counts the signing-key fetches and any ConnectWise API call the handler makes.
 */
@ApplicationScoped
public class CallbackBenchmark {

    private static final String KEY_PATH = "/system/callbackkey/index.rails";

    private final CallbackHandler handler;
    private final CallbackRegistration registration;
    private final DynamoDbTraffic traffic;
    private final BenchTenants tenants;

    @Inject
    public CallbackBenchmark(CallbackHandler handler, CallbackRegistration registration, DynamoDbTraffic traffic,
                             BenchTenants tenants) {
        this.handler = handler;
        this.registration = registration;
        this.traffic = traffic;
        this.tenants = tenants;
    }

    public CallbackFigure run(int callbacks, int warmUps, int threads) {
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(callbacks + warmUps)
                .randomSeed(11).start();
             CallbackEndpoint recorder = CallbackEndpoint.start(event -> APIGatewayV2HTTPResponse.builder()
                     .withStatusCode(200).build())) {
            String tenant = "callbacks";
            tenants.point(tenant, simulator.baseUrl());
            registration.register(tenant, recorder.url(tenant));
            List<CallbackEndpoint.Exchange> delivered = SignedUpdates.deliver(simulator, recorder, callbacks + warmUps);
            int logBefore = simulator.requestLog().all().size();
            delivered.subList(0, warmUps).forEach(exchange -> answer(tenant, exchange, new Latencies()));
            DynamoDbUsage before = traffic.snapshot();
            Latencies times = new Latencies();
            AtomicInteger applied = new AtomicInteger();
            long started = System.nanoTime();
            answerConcurrently(tenant, delivered.subList(warmUps, delivered.size()), threads, times, applied);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            DynamoDbUsage used = traffic.snapshot().minus(before);
            List<RecordedRequest> sent = simulator.requestLog().all();
            List<RecordedRequest> during = sent.subList(logBefore, sent.size());
            int keyFetches = (int) during.stream().filter(request -> request.path().equals(KEY_PATH)).count();
            return new CallbackFigure(callbacks, warmUps, threads, wall, times.p50(), times.p99(), keyFetches,
                    during.size() - keyFetches, used.per(callbacks), applied.get());
        }
    }

    private void answerConcurrently(String tenant, List<CallbackEndpoint.Exchange> deliveries, int threads,
                                    Latencies times, AtomicInteger applied) {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> answers = deliveries.stream()
                    .map(exchange -> callers.submit(() -> answer(tenant, exchange, times))).toList();
            for (Future<Boolean> answer : answers) {
                if (answer.get()) {
                    applied.incrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while callbacks were answered", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A callback failed", e.getCause());
        } finally {
            callers.shutdownNow();
        }
    }

    /** Answers one delivery; true when the handler applied it (200 with outcome {@code applied}). */
    private boolean answer(String tenant, CallbackEndpoint.Exchange delivery, Latencies times) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handle(ApiGatewayEvents.callback(tenant, delivery.body(),
                delivery.signature()));
        times.add(Duration.ofNanos(System.nanoTime() - started));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("A signed callback was answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        return response.getBody().contains("\"applied\"");
    }
}
