package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.members.MembersHandler;
import dev.cwlifecycle.mover.MoverHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import dev.cwlifecycle.scim.ScimHandler;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The member operations through their handlers, one at a time as a ticketing tool or an identity provider sends
 * them, against an in-process simulator (500 members, synced into the directory first) answering after L: for each
 * of {@code operations} new people a provision, a move (new title and role), a read by identifier and a read of a
 * directory page; for as many others a SCIM create, a SCIM filter on the userName and a SCIM PatchOp of the title;
 * then the deprovision of the first. ConnectWise requests are counted from the simulator's request log; the role
 * cache is warm, as it is for every operation but the first in ten minutes.
 */
@ApplicationScoped
public class MemberOperationsBenchmark {

    private static final int SEEDED_MEMBERS = 500;
    private static final int PAGE = 100;

    private final ProvisionHandler provision;
    private final DeprovisionHandler deprovision;
    private final MoverHandler mover;
    private final MembersHandler members;
    private final ScimHandler scim;
    private final SyncHandler sync;
    private final DynamoDbTraffic traffic;
    private final BenchTenants tenants;

    @Inject
    public MemberOperationsBenchmark(ProvisionHandler provision, DeprovisionHandler deprovision, MoverHandler mover,
                                     MembersHandler members, ScimHandler scim, SyncHandler sync,
                                     DynamoDbTraffic traffic, BenchTenants tenants) {
        this.provision = provision;
        this.deprovision = deprovision;
        this.mover = mover;
        this.members = members;
        this.scim = scim;
        this.sync = sync;
        this.traffic = traffic;
        this.tenants = tenants;
    }

    /** Each operation's figure, in the order above, for {@code operations} people at ConnectWise latency L. */
    public List<OperationFigure> run(Duration latency, int operations, int warmUps) {
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(SEEDED_MEMBERS)
                .randomSeed(7).start()) {
            String tenant = "members-l" + latency.toMillis();
            tenants.point(tenant, simulator.baseUrl());
            sync.handle(new SyncRequest(null, tenant, "full", null));
            new Round(simulator, tenant, "warm", warmUps, latency).all();
            simulator.latency(latency);
            return new Round(simulator, tenant, "timed", operations, latency).all();
        }
    }

    /** One batch of people taken through every operation; each operation measured over the whole batch. */
    private final class Round {
        private final ConnectWiseSimulator simulator;
        private final String tenant;
        private final String batch;
        private final int count;
        private final Duration latency;
        private final List<OperationFigure> figures = new ArrayList<>();

        Round(ConnectWiseSimulator simulator, String tenant, String batch, int count, Duration latency) {
            this.simulator = simulator;
            this.tenant = tenant;
            this.batch = batch;
            this.count = count;
            this.latency = latency;
        }

        List<OperationFigure> all() {
            List<String> identifiers = measure("provision", 201, i -> provision.handle(ApiGatewayEvents.provision(
                    tenant, person(i), """
                            {"firstName":"Bench","lastName":"Person %s","email":"%s","role":"Technician"}
                            """.formatted(batch + i, email(person(i)))))).stream()
                    .map(answer -> answer.path("identifier").asText()).toList();
            measure("move", 200, i -> mover.handle(ApiGatewayEvents.move(tenant, "move-" + person(i),
                    identifiers.get(i), "{\"title\":\"Moved " + batch + i + "\",\"role\":\"Sales\"}")));
            measure("read by identifier", 200, i -> members.handle(ApiGatewayEvents.read(tenant,
                    identifiers.get(i), Map.of())));
            measure("read a page of " + PAGE, 200, i -> members.handle(ApiGatewayEvents.read(tenant, null,
                    Map.of("limit", Integer.toString(PAGE)))));
            List<String> users = measure("SCIM create", 201, i -> scim.handle(ApiGatewayEvents.scim("POST", tenant,
                    "/Users", Map.of(), """
                            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                             "name":{"givenName":"Scim","familyName":"Person %s"},
                             "urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User":{"securityRole":"Technician"}}
                            """.formatted(email("scim-" + person(i)), batch + i)))).stream()
                    .map(answer -> answer.path("id").asText()).toList();
            measure("SCIM filter on userName", 200, i -> scim.handle(ApiGatewayEvents.scim("GET", tenant, "/Users",
                    Map.of("filter", "userName eq \"" + email("scim-" + person(i)) + "\""), null)));
            measure("SCIM patch (title)", 200, i -> scim.handle(ApiGatewayEvents.scim("PATCH", tenant,
                    "/Users/" + users.get(i), Map.of(), """
                            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                             "Operations":[{"op":"replace","path":"title","value":"Patched %s"}]}
                            """.formatted(batch + i))));
            measure("deprovision", 200, i -> deprovision.handle(ApiGatewayEvents.deprovisionIdentifier(tenant,
                    "leaver-" + identifiers.get(i), identifiers.get(i), null)));
            return figures;
        }

        /** The operation for each person in turn, timed one by one; its figure kept; the answers' bodies. */
        private List<JsonNode> measure(String operation, int status, IntFunction<APIGatewayV2HTTPResponse> send) {
            int requestsBefore = simulator.requestLog().all().size();
            DynamoDbUsage before = traffic.snapshot();
            Latencies times = new Latencies();
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                APIGatewayV2HTTPResponse response = send.apply(i);
                times.add(Duration.ofNanos(System.nanoTime() - started));
                answers.add(expect(response, status, operation + " of " + person(i)));
            }
            int connectWise = simulator.requestLog().all().size() - requestsBefore;
            figures.add(new OperationFigure(operation, latency, count, connectWise / (double) count,
                    traffic.snapshot().minus(before).per(count), times.p50(), times.p99()));
            return answers;
        }

        private String person(int i) {
            return tenant + "-" + batch + "-" + i;
        }
    }

    private static String email(String person) {
        return person + "@acme.example";
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
