package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.connectwise.CallbackRegistration;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Each function started cold from its {@code function.zip} in a fresh JVM ({@link LambdaColdStart}), and with
 * {@code --native} from its native package too, given one real invocation against the simulator and DynamoDB
 * Local: a provision of a new person, the deprovision of that person, an incremental sync of a 500-member tenant
 * already synced once, a signed callback with its Entity, a move (a new title) of a synced member, a read of one by
 * identifier, and an identity provider's SCIM filter on one's userName.
 */
@ApplicationScoped
public class ColdStartBenchmark {

    static final List<String> FUNCTIONS = List.of("provision", "deprovision", "sync", "callback", "mover", "members",
            "scim");
    private static final String TENANT = "coldstart";
    private static final ObjectMapper EVENT_JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final BenchTenants tenants;
    private final CallbackRegistration registration;
    private final SyncHandler sync;
    private final LambdaFunction.Settings settings;

    @Inject
    public ColdStartBenchmark(BenchTenants tenants, CallbackRegistration registration, SyncHandler sync,
                              @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") String dynamoEndpoint,
                              @ConfigProperty(name = "cw.credentials.local-file") String credentialsFile) {
        this.tenants = tenants;
        this.registration = registration;
        this.sync = sync;
        this.settings = new LambdaFunction.Settings(credentialsFile, dynamoEndpoint);
    }

    /** The JVM's start-up figures, and the native images' beside them when {@code nativeImages}. */
    record Startups(List<StartupFigure> jvm, List<NativeImageFigure> nativeImages) {
    }

    public Startups run(Path repository, int samples, boolean nativeImages, Progress progress) {
        Path work = Temporary.directory("cw-bench-cold-start");
        Path harness = FunctionPackage.harness(work);
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(500).randomSeed(13).start();
             CallbackEndpoint recorder = CallbackEndpoint.start(event -> APIGatewayV2HTTPResponse.builder()
                     .withStatusCode(200).build())) {
            tenants.point(TENANT, simulator.baseUrl());
            registration.register(TENANT, recorder.url(TENANT));
            sync.handle(new SyncRequest(null, TENANT, "full", null));
            // the native starts get events of their own (new people, other callbacks), the same kinds as the JVM's
            List<CallbackEndpoint.Exchange> callbacks = SignedUpdates.deliver(simulator, recorder,
                    nativeImages ? 2 * samples : samples);
            List<ObjectNode> members = simulator.members(BenchTenants.COMPANY).all().stream()
                    .filter(member -> !member.path("inactiveFlag").asBoolean()).toList();
            Events events = new Events(callbacks, members);
            List<StartupFigure> jvm = new ArrayList<>();
            List<NativeImageFigure> natives = new ArrayList<>();
            for (String function : FUNCTIONS) {
                FunctionPackage unpacked = FunctionPackage.unpack(repository, function, "function.zip",
                        work.resolve("jvm"));
                Sample median = median(samples, i -> start(LambdaFunction.jvm(unpacked, harness, settings),
                        events.of(function, i)));
                jvm.add(new StartupFigure(function, samples, median.toFirstAnswer(), median.residentBytes(),
                        unpacked.packageBytes(), unpacked.unpackedBytes()));
                progress.report("cold start %s (JVM): first answer after %,d ms, %d MB resident", function,
                        median.toFirstAnswer().toMillis(), median.residentBytes() >> 20);
                // a function whose native image ./run-native-check has not built is measured on the JVM only
                if (nativeImages && FunctionPackage.exists(repository, function, NativeImageFigure.PACKAGE)) {
                    FunctionPackage image = FunctionPackage.unpack(repository, function, NativeImageFigure.PACKAGE,
                            work.resolve("native"));
                    Path bootstrap = image.unpacked().resolve("bootstrap");
                    bootstrap.toFile().setExecutable(true);
                    Sample nativeMedian = median(samples, i -> start(LambdaFunction.nativeImage(function, bootstrap,
                            settings), events.of(function, samples + i)));
                    natives.add(NativeImageFigure.of(repository, function, nativeMedian.toFirstAnswer(),
                            nativeMedian.residentBytes(), image));
                    progress.report("cold start %s (native): first answer after %,d ms, %d MB resident", function,
                            nativeMedian.toFirstAnswer().toMillis(), nativeMedian.residentBytes() >> 20);
                }
            }
            return new Startups(jvm, natives);
        } finally {
            Temporary.delete(work);
        }
    }

    private record Sample(Duration toFirstAnswer, long residentBytes) {
    }

    private static Sample median(int samples, IntFunction<Sample> sample) {
        List<Sample> measured = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            measured.add(sample.apply(i));
        }
        measured.sort(Comparator.comparing(Sample::toFirstAnswer));
        return measured.get(measured.size() / 2);
    }

    private static Sample start(LambdaFunction started, String event) {
        try (LambdaFunction function = started) {
            LambdaRuntimeApi.Answer answer = function.invoke(event);
            Duration toFirstAnswer = function.sinceStart();
            long resident = function.residentBytes();
            requireSuccess(function.function(), answer);
            return new Sample(toFirstAnswer, resident);
        }
    }

    /** Each sample's event: its own callback, member and person, so no sample finds another's work done. */
    private record Events(List<CallbackEndpoint.Exchange> callbacks, List<ObjectNode> members) {

        String of(String function, int sample) {
            String person = "cold-start-" + sample;
            ObjectNode member = members.get(sample);
            return switch (function) {
                case "provision" -> json(ApiGatewayEvents.provision(TENANT, person, """
                        {"firstName":"Cold","lastName":"Start %d","email":"%s@acme.example","role":"Technician"}
                        """.formatted(sample, person)));
                case "deprovision" -> json(ApiGatewayEvents.deprovision(TENANT, "leaver-" + person, """
                        {"email":"%s@acme.example"}""".formatted(person)));
                case "sync" -> "{\"tenant\":\"" + TENANT + "\",\"mode\":\"incremental\"}";
                case "callback" -> json(ApiGatewayEvents.callback(TENANT, callbacks.get(sample).body(),
                        callbacks.get(sample).signature()));
                case "mover" -> json(ApiGatewayEvents.move(TENANT, "mover-" + person,
                        member.get("identifier").asText(), "{\"title\":\"Cold Start " + sample + "\"}"));
                case "members" -> json(ApiGatewayEvents.read(TENANT, member.get("identifier").asText(), Map.of()));
                case "scim" -> json(ApiGatewayEvents.scim("GET", TENANT, "/Users", Map.of("filter",
                        "userName eq \"" + member.get("officeEmail").asText() + "\""), null));
                default -> throw new IllegalArgumentException(function);
            };
        }
    }

    /** A 2xx API Gateway response, or a sync result that completed. */
    private static void requireSuccess(String function, LambdaRuntimeApi.Answer response) {
        JsonNode answer;
        try {
            answer = EVENT_JSON.readTree(response.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(function + " answered no JSON: " + response.payload());
        }
        boolean ok = !response.error() && (function.equals("sync")
                ? "COMPLETE".equals(answer.path("status").asText())
                : answer.path("statusCode").asInt() / 100 == 2);
        if (!ok) {
            throw new IllegalStateException("The cold " + function + " answered " + response.payload());
        }
    }

    private static String json(APIGatewayV2HTTPEvent event) {
        try {
            return EVENT_JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
