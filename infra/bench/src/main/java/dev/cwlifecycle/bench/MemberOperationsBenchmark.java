package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Provision and deprovision through their handlers, one at a time as a ticketing tool sends them, against an
 * in-process simulator (500 members) answering after L. ConnectWise requests are counted from the simulator's
 * request log; the role cache is warm, as it is for every provision but the first in ten minutes.
 */
@ApplicationScoped
public class MemberOperationsBenchmark {

    private static final int SEEDED_MEMBERS = 500;

    private final ProvisionHandler provision;
    private final DeprovisionHandler deprovision;
    private final DynamoDbTraffic traffic;
    private final BenchTenants tenants;

    @Inject
    public MemberOperationsBenchmark(ProvisionHandler provision, DeprovisionHandler deprovision,
                                     DynamoDbTraffic traffic, BenchTenants tenants) {
        this.provision = provision;
        this.deprovision = deprovision;
        this.traffic = traffic;
        this.tenants = tenants;
    }

    /** Provision figure first, then deprovision, for {@code operations} people at ConnectWise latency L. */
    public List<OperationFigure> run(Duration latency, int operations, int warmUps) {
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(SEEDED_MEMBERS)
                .randomSeed(7).start()) {
            String tenant = "members-l" + latency.toMillis();
            tenants.point(tenant, simulator.baseUrl());
            deprovisionAll(tenant, provisionAll(tenant, "warm", warmUps, new Latencies()), new Latencies());
            simulator.latency(latency);
            Latencies provisionTimes = new Latencies();
            Measured provisioned = measure(simulator, () -> provisionAll(tenant, "timed", operations,
                    provisionTimes));
            Latencies deprovisionTimes = new Latencies();
            Measured deprovisioned = measure(simulator, () -> {
                deprovisionAll(tenant, provisioned.identifiers(), deprovisionTimes);
                return provisioned.identifiers();
            });
            return List.of(
                    new OperationFigure("provision", latency, operations,
                            provisioned.connectWise() / (double) operations, provisioned.dynamo().per(operations),
                            provisionTimes.p50(), provisionTimes.p99()),
                    new OperationFigure("deprovision", latency, operations,
                            deprovisioned.connectWise() / (double) operations, deprovisioned.dynamo().per(operations),
                            deprovisionTimes.p50(), deprovisionTimes.p99()));
        }
    }

    private record Measured(List<String> identifiers, int connectWise, DynamoDbUsage dynamo) {
    }

    private Measured measure(ConnectWiseSimulator simulator, Supplier<List<String>> work) {
        int requestsBefore = simulator.requestLog().all().size();
        DynamoDbUsage before = traffic.snapshot();
        List<String> identifiers = work.get();
        return new Measured(identifiers, simulator.requestLog().all().size() - requestsBefore,
                traffic.snapshot().minus(before));
    }

    private List<String> provisionAll(String tenant, String batch, int count, Latencies times) {
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = tenant + "-" + batch + "-" + i;
            String body = """
                    {"firstName":"Bench","lastName":"Person %s","email":"%s@acme.example","role":"Technician"}
                    """.formatted(batch + i, person);
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = provision.handle(ApiGatewayEvents.provision(tenant, person, body));
            times.add(Duration.ofNanos(System.nanoTime() - started));
            identifiers.add(expect(response, 201, "provision " + person).path("identifier").asText());
        }
        return identifiers;
    }

    private void deprovisionAll(String tenant, List<String> identifiers, Latencies times) {
        for (String identifier : identifiers) {
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = deprovision.handle(
                    ApiGatewayEvents.deprovisionIdentifier(tenant, "leaver-" + identifier, identifier, null));
            times.add(Duration.ofNanos(System.nanoTime() - started));
            expect(response, 200, "deprovision " + identifier);
        }
    }

    private static JsonNode expect(APIGatewayV2HTTPResponse response, int status, String what) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        try {
            return ConnectWiseJson.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
