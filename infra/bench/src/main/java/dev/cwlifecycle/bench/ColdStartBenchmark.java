package dev.cwlifecycle.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Each function started cold from its {@code function.zip} in a fresh JVM ({@link LambdaColdStart}), given one real
 * invocation against the simulator and DynamoDB Local: a provision of a new person, the deprovision of that person,
 * an incremental sync of a 500-member tenant already synced once, a signed callback with its Entity.
 */
@ApplicationScoped
public class ColdStartBenchmark {

    static final List<String> FUNCTIONS = List.of("provision", "deprovision", "sync", "callback");
    /** Close to how Lambda's Java runtime starts the JVM (serial collector, C1 only); a heap for 1024 MB. */
    static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-Xmx870m");
    private static final String TENANT = "coldstart";
    private static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper EVENT_JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final BenchTenants tenants;
    private final CallbackRegistration registration;
    private final SyncHandler sync;
    private final String dynamoEndpoint;
    private final String credentialsFile;

    @Inject
    public ColdStartBenchmark(BenchTenants tenants, CallbackRegistration registration, SyncHandler sync,
                              @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") String dynamoEndpoint,
                              @ConfigProperty(name = "cw.credentials.local-file") String credentialsFile) {
        this.tenants = tenants;
        this.registration = registration;
        this.sync = sync;
        this.dynamoEndpoint = dynamoEndpoint;
        this.credentialsFile = credentialsFile;
    }

    public List<StartupFigure> run(Path repository, int samples, Progress progress) {
        Path work = temporaryDirectory();
        Path harness = FunctionPackage.harness(work);
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(500).randomSeed(13).start();
             CallbackEndpoint recorder = CallbackEndpoint.start(event -> APIGatewayV2HTTPResponse.builder()
                     .withStatusCode(200).build())) {
            tenants.point(TENANT, simulator.baseUrl());
            registration.register(TENANT, recorder.url(TENANT));
            sync.handle(new SyncRequest(null, TENANT, "full", null));
            List<CallbackEndpoint.Exchange> callbacks = SignedUpdates.deliver(simulator, recorder, samples);
            List<StartupFigure> figures = new ArrayList<>();
            for (String function : FUNCTIONS) {
                FunctionPackage unpacked = FunctionPackage.unpack(repository, function, work);
                List<Sample> measured = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    measured.add(start(unpacked, harness, event(function, i, callbacks), work));
                }
                measured.sort(Comparator.comparing(Sample::toFirstAnswer));
                Sample median = measured.get(measured.size() / 2);
                figures.add(new StartupFigure(function, samples, median.toFirstAnswer(), median.residentBytes(),
                        unpacked.packageBytes(), unpacked.unpackedBytes()));
                progress.report("cold start %s: first answer after %,d ms, %d MB resident", function,
                        median.toFirstAnswer().toMillis(), median.residentBytes() >> 20);
            }
            return figures;
        } finally {
            deleteRecursively(work);
        }
    }

    private record Sample(Duration toFirstAnswer, long residentBytes) {
    }

    private Sample start(FunctionPackage unpacked, Path harness, String event, Path work) {
        Path eventFile = work.resolve(unpacked.function() + "-event.json");
        try {
            Files.writeString(eventFile, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JavaProcess function = JavaProcess.start(unpacked.classpath(harness), LAMBDA_JVM_OPTIONS,
                LambdaColdStart.class.getName(), List.of(eventFile.toString()), environment(unpacked.function()))) {
            String answer = function.awaitLine(line -> line.startsWith(LambdaColdStart.ANSWERED), FIRST_ANSWER_TIMEOUT);
            Duration toFirstAnswer = function.sinceStart();
            long resident = function.residentBytes();
            requireSuccess(unpacked.function(), answer.substring(LambdaColdStart.ANSWERED.length()));
            return new Sample(toFirstAnswer, resident);
        }
    }

    /** The environment template.yaml gives the function, with the local credentials source and DynamoDB Local. */
    private Map<String, String> environment(String function) {
        return Map.of(
                "DISABLE_SIGNAL_HANDLERS", "true",
                "CW_FUNCTION_TIMEOUT", function.equals("sync") ? "PT300S" : "PT30S",
                "CW_CREDENTIALS_SOURCE", "local",
                "CW_CREDENTIALS_LOCAL_FILE", credentialsFile,
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoEndpoint,
                "QUARKUS_DYNAMODB_AWS_REGION", "us-east-1",
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static",
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "local",
                "QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", "local");
    }

    private static String event(String function, int sample, List<CallbackEndpoint.Exchange> callbacks) {
        String person = "cold-start-" + sample;
        return switch (function) {
            case "provision" -> json(ApiGatewayEvents.provision(TENANT, person, """
                    {"firstName":"Cold","lastName":"Start %d","email":"%s@acme.example","role":"Technician"}
                    """.formatted(sample, person)));
            case "deprovision" -> json(ApiGatewayEvents.deprovision(TENANT, "leaver-" + person, """
                    {"email":"%s@acme.example"}""".formatted(person)));
            case "sync" -> "{\"tenant\":\"" + TENANT + "\",\"mode\":\"incremental\"}";
            case "callback" -> json(ApiGatewayEvents.callback(TENANT, callbacks.get(sample).body(),
                    callbacks.get(sample).signature()));
            default -> throw new IllegalArgumentException(function);
        };
    }

    /** A 2xx API Gateway response, or a sync result that completed. */
    private static void requireSuccess(String function, String response) {
        JsonNode answer;
        try {
            answer = EVENT_JSON.readTree(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(function + " answered no JSON: " + response);
        }
        boolean ok = function.equals("sync") ? "COMPLETE".equals(answer.path("status").asText())
                : answer.path("statusCode").asInt() / 100 == 2;
        if (!ok) {
            throw new IllegalStateException("The cold " + function + " answered " + response);
        }
    }

    private static String json(APIGatewayV2HTTPEvent event) {
        try {
            return EVENT_JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cw-bench-cold-start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
