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
import dev.cwlifecycle.simulator.RecordedRequest;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.sync.SyncHandler;
import dev.cwlifecycle.sync.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code ./run-native-check}: each function's native {@code bootstrap} (from {@code target/native/function.zip})
 * started as {@code provided.al2023} starts it, against a loopback Runtime API with the simulator and DynamoDB Local
 * behind it, given real events: what it must do, and what it must refuse without a write. The same events then go
 * to the JVM package; both answers must be equal apart from ids and times. Prints {@code N passed, N failed}.
 */
@ApplicationScoped
public class NativeCheck {

    static final List<String> FUNCTIONS = ColdStartBenchmark.FUNCTIONS;
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** What a missing reflection registration or a serialisation gap prints in a native image. */
    private static final Pattern NATIVE_FAILURE = Pattern.compile("MissingReflectionRegistration|UnsupportedFeature"
            + "|ClassNotFoundException|NoSuchMethodException|NoSuchFieldException|InvalidDefinitionException"
            + "|No serializer found|Cannot construct instance");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DURATION = Pattern.compile("\"(\\w*Millis)\":\\d+");
    /** A read's page cursor (it holds the tenant) and a SCIM user's version (ConnectWise's lastUpdated). */
    private static final Pattern CURSOR = Pattern.compile("(nextCursor\\\\\":\\\\\")[\\w-]+");
    private static final Pattern VERSION = Pattern.compile("W/(\\\\*\")\\d+");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private final BenchTenants tenants;
    private final CallbackRegistration registration;
    private final MemberDirectory directory;
    private final SyncHandler sync;
    private final LambdaFunction.Settings settings;
    /**
     * Each function's events, the one place to add a function's: a method taking one {@link Run} (a fresh tenant,
     * simulator, callback recorder and the started function) that sends events with {@code run.invoke}, checks what
     * must happen with {@code run.expect} and what must be refused without a ConnectWise write with
     * {@code run.refused}. The function's name goes into {@link ColdStartBenchmark#FUNCTIONS} with its cold-start
     * event, and into run-native-check's default list.
     */
    private final Map<String, Consumer<Run>> events = Map.of(
            "provision", this::provision,
            "deprovision", this::deprovision,
            "sync", this::sync,
            "callback", this::callback,
            "mover", this::mover,
            "members", this::members,
            "scim", this::scim);
    private int passed;
    private int failed;

    @Inject
    public NativeCheck(BenchTenants tenants, CallbackRegistration registration, MemberDirectory directory,
                       SyncHandler sync, @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") String dynamoEndpoint,
                       @ConfigProperty(name = "cw.credentials.local-file") String credentialsFile) {
        this.tenants = tenants;
        this.registration = registration;
        this.directory = directory;
        this.sync = sync;
        this.settings = new LambdaFunction.Settings(credentialsFile, dynamoEndpoint);
    }

    public int run(Path repository, List<String> functions) {
        Path work = Temporary.directory("cw-native-check");
        try {
            Path harness = FunctionPackage.harness(work);
            for (String function : functions.isEmpty() ? FUNCTIONS : functions) {
                if (!events.containsKey(function)) {
                    verdict(function + ": has events to answer", false, "none in NativeCheck.events: add them there");
                    continue;
                }
                Path bootstrap = FunctionPackage.unpack(repository, function, "native/function.zip",
                        work.resolve("native")).unpacked().resolve("bootstrap");
                bootstrap.toFile().setExecutable(true);
                List<String> nativeAnswers = scenario(function, "native",
                        () -> LambdaFunction.nativeImage(function, bootstrap, settings));
                FunctionPackage jvm = FunctionPackage.unpack(repository, function, "function.zip",
                        work.resolve("jvm"));
                List<String> jvmAnswers = scenario(function, "jvm", () -> LambdaFunction.jvm(jvm, harness, settings));
                verdict(function + ": native and JVM answers equal apart from ids and times (" + nativeAnswers.size()
                        + " answers)", nativeAnswers.equals(jvmAnswers),
                        "native " + nativeAnswers + "\n    jvm    " + jvmAnswers);
            }
        } finally {
            Temporary.delete(work);
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** One function's events against a fresh simulator and tenant; returns its answers, normalised. */
    private List<String> scenario(String function, String runtime, Supplier<LambdaFunction> start) {
        String tenant = "check-" + runtime + "-" + function;
        try (ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().seedMembers(50).randomSeed(13).start();
             CallbackEndpoint recorder = CallbackEndpoint.start(event -> APIGatewayV2HTTPResponse.builder()
                     .withStatusCode(200).build());
             LambdaFunction lambda = start.get()) {
            tenants.point(tenant, simulator.baseUrl());
            Run run = new Run(runtime + " " + function, tenant, simulator, recorder, lambda);
            try {
                events.get(function).accept(run);
            } catch (RuntimeException broken) {
                // a function that died or stopped answering: the remaining events of this run are not sent
                verdict(run.name + ": answers every event", false, broken.getMessage());
            }
            List<String> ignored = simulator.requestLog().all().stream()
                    .filter(request -> !request.ignoredProperties().isEmpty())
                    .map(request -> request + " " + request.ignoredProperties()).toList();
            verdict(run.name + ": every body it sent has only properties ConnectWise knows", ignored.isEmpty(),
                    String.join("\n    ", ignored));
            List<String> failures = lambda.output().stream().filter(line -> NATIVE_FAILURE.matcher(line).find())
                    .toList();
            verdict(run.name + ": no reflection or serialisation failure in its log", failures.isEmpty(),
                    String.join("\n    ", failures));
            List<String> notJson = lambda.output().stream().filter(line -> !isJsonObject(line)).toList();
            verdict(run.name + ": every log line is JSON (" + lambda.output().size() + " lines)", notJson.isEmpty(),
                    String.join("\n    ", notJson));
            return run.answers.stream().map(answer -> normalise(answer, tenant)).toList();
        }
    }

    private void provision(Run run) {
        String body = """
                {"firstName":"Nadia","lastName":"Native","email":"nadia.native@acme.example","role":"Technician",
                 "title":"Engineer","phone":"+1 555 0100","ticket":{"system":"jira","id":"IT-17"}}""";
        APIGatewayV2HTTPEvent create = ApiGatewayEvents.provision(run.tenant, "check-17", body);

        JsonNode created = run.invoke(create);
        List<RecordedRequest> posts = run.simulator.requestLog().all().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/system/members"))
                .toList();
        JsonNode posted = posts.isEmpty() ? JSON.createObjectNode() : parse(posts.get(0).body());
        run.expect("a provision creates the member with one POST",
                status(created) == 201 && "created".equals(body(created).path("outcome").asText())
                        && "nnative".equals(body(created).path("identifier").asText()) && posts.size() == 1
                        && "nadia.native@acme.example".equals(posted.path("officeEmail").asText())
                        && "+1 555 0100".equals(posted.path("officePhone").asText())
                        && "Provisioned by cw-lifecycle for ticket jira IT-17".equals(posted.path("notes").asText())
                        && run.simulator.members(BenchTenants.COMPANY).all().stream().anyMatch(member ->
                        "nnative".equals(member.path("identifier").asText())), created);

        JsonNode again = run.invoke(create);
        run.expect("a repeat under the same key is replayed, not sent again",
                status(again) == 201 && "true".equals(header(again, "Idempotent-Replayed"))
                        && body(again).equals(body(created))
                        && run.simulator.requestLog().count("POST", "/system/members") == 1, again);

        run.refused("a body with an unknown field and a bad email is refused with 400 validation",
                ApiGatewayEvents.provision(run.tenant, "check-18", body.replace("nadia.native@acme.example",
                        "not-an-email").replace("\"title\"", "\"nickname\":\"N\",\"title\"")), 400, "validation");
        APIGatewayV2HTTPEvent forged = ApiGatewayEvents.provision(run.tenant, "check-19", body);
        forged.getHeaders().put("authorization", "Bearer not-the-token");
        run.refused("a wrong bearer token is refused with 401", forged, 401, null);
    }

    private void deprovision(Run run) {
        ObjectNode member = run.simulator.members(BenchTenants.COMPANY).all().stream()
                .filter(candidate -> !candidate.path("inactiveFlag").asBoolean()).findFirst().orElseThrow();
        long id = member.get("id").asLong();
        String identifier = member.get("identifier").asText();

        JsonNode deactivated = run.invoke(ApiGatewayEvents.deprovisionIdentifier(run.tenant, "check-d1", identifier,
                "{\"mode\":\"deactivate\"}"));
        List<RecordedRequest> patches = run.simulator.requestLog().all().stream()
                .filter(request -> request.method().equals("PATCH")).toList();
        run.expect("a deprovision deactivates the member with one JSON Patch",
                status(deactivated) == 200 && "inactive".equals(body(deactivated).path("state").asText())
                        && "deactivated".equals(body(deactivated).path("action").asText()) && patches.size() == 1
                        && patches.get(0).path().equals("/system/members/" + id)
                        && patches.get(0).body()
                        .contains("{\"op\":\"replace\",\"path\":\"inactiveFlag\",\"value\":true}")
                        && run.simulator.members(BenchTenants.COMPANY).get(id).path("inactiveFlag").asBoolean(),
                deactivated);

        JsonNode again = run.invoke(ApiGatewayEvents.deprovisionIdentifier(run.tenant, "check-d2", identifier, null));
        run.expect("an inactive member is left as it is",
                status(again) == 200 && "none".equals(body(again).path("action").asText())
                        && run.simulator.requestLog().count("PATCH", "/system/members") == 1, again);

        run.refused("an unknown mode is refused with 400 validation", ApiGatewayEvents.deprovisionIdentifier(
                run.tenant, "check-d3", identifier, "{\"mode\":\"erase\"}"), 400, "validation");
        run.refused("an unknown member is refused with 404", ApiGatewayEvents.deprovisionIdentifier(run.tenant,
                "check-d4", "nobody.here", null), 404, null);
    }

    private void sync(Run run) {
        List<ObjectNode> members = run.simulator.members(BenchTenants.COMPANY).all();
        JsonNode full = run.invoke("{\"tenant\":\"" + run.tenant + "\",\"mode\":\"full\"}");
        run.expect("a full sync mirrors every member into the directory",
                "COMPLETE".equals(full.path("status").asText())
                        && "FULL".equals(full.path("summary").path("mode").asText())
                        && directory.scan(run.tenant).count() == members.size(), full);

        long changed = members.get(7).get("id").asLong();
        run.simulator.members(BenchTenants.COMPANY).update(changed, member -> member.put("lastName", "Renamed"));
        run.simulator.requestLog().clear();
        JsonNode incremental = run.invoke("{\"tenant\":\"" + run.tenant + "\",\"mode\":\"incremental\"}");
        List<RecordedRequest> lists = run.simulator.requestLog().all().stream()
                .filter(request -> request.path().equals("/system/members")).toList();
        run.expect("an incremental sync brings a change made in ConnectWise, asking only for what changed",
                "COMPLETE".equals(incremental.path("status").asText())
                        && "INCREMENTAL".equals(incremental.path("summary").path("mode").asText())
                        && lists.size() == incremental.path("summary").path("requests").asInt()
                        && !lists.isEmpty() && lists.get(0).query().getOrDefault("conditions", "")
                        .startsWith("lastUpdated>[")
                        && directory.get(run.tenant, changed).map(DirectoryEntry::lastName)
                        .filter("Renamed"::equals).isPresent(), incremental);

        String register = "{\"mode\":\"register-callback\",\"tenant\":\"" + run.tenant
                + "\",\"callbackUrl\":\"https://hooks.acme.example/callbacks/connectwise\"}";
        JsonNode registered = run.invoke(register);
        JsonNode exists = run.invoke(register);
        run.expect("registering the member callback twice registers it once",
                "CALLBACK_REGISTERED".equals(registered.path("status").asText())
                        && "CALLBACK_EXISTS".equals(exists.path("status").asText())
                        && registered.path("callback").path("id").asLong() == exists.path("callback").path("id")
                        .asLong()
                        && run.simulator.requestLog().count("POST", "/system/callbacks") == 1, exists);

        int requests = run.simulator.requestLog().all().size();
        JsonNode refused = run.invoke("{\"tenant\":\"" + run.tenant + "\",\"mode\":\"sideways\"}");
        run.expect("an unknown mode is refused as an error, before any request",
                refused.path("errorMessage").asText().contains("mode must be")
                        && run.simulator.requestLog().all().size() == requests, refused);
    }

    private void callback(Run run) {
        registration.register(run.tenant, run.recorder.url(run.tenant));
        CallbackEndpoint.Exchange delivery = SignedUpdates.deliver(run.simulator, run.recorder, 1).get(0);
        long id = parse(delivery.body()).path("ID").asLong();
        APIGatewayV2HTTPEvent signed = ApiGatewayEvents.callback(run.tenant, delivery.body(), delivery.signature());

        JsonNode applied = run.invoke(signed);
        Optional<DirectoryEntry> row = directory.get(run.tenant, id);
        run.expect("a signed callback is applied to the directory",
                status(applied) / 100 == 2 && row.isPresent() && Objects.equals(row.get().identifier(),
                        run.simulator.members(BenchTenants.COMPANY).get(id).path("identifier").asText()), applied);

        JsonNode again = run.invoke(signed);
        run.expect("a redelivery is answered from the stored answer",
                status(again) == status(applied) && "true".equals(header(again, "Idempotent-Replayed")), again);

        run.refused("a body changed after signing is refused with 401", ApiGatewayEvents.callback(run.tenant,
                delivery.body().replace("\"Action\":\"updated\"", "\"Action\":\"deleted\""),
                delivery.signature()), 401, "callback-signature");
        run.refused("an unsigned callback is refused with 401", ApiGatewayEvents.callback(run.tenant,
                delivery.body(), null), 401, "callback-signature");
    }

    private void mover(Run run) {
        ObjectNode member = run.simulator.members(BenchTenants.COMPANY).all().stream()
                .filter(candidate -> !candidate.path("inactiveFlag").asBoolean()
                        && "F".equals(candidate.path("licenseClass").asText())
                        && !"Finance".equals(candidate.path("securityRole").path("name").asText()))
                .findFirst().orElseThrow();
        long id = member.get("id").asLong();
        String identifier = member.get("identifier").asText();
        String body = "{\"role\":\"Finance\",\"title\":\"Native Check Lead\"}";

        JsonNode moved = run.invoke(ApiGatewayEvents.move(run.tenant, "check-m1", identifier, body));
        List<RecordedRequest> patches = run.simulator.requestLog().all().stream()
                .filter(request -> request.method().equals("PATCH")).toList();
        ObjectNode after = run.simulator.members(BenchTenants.COMPANY).get(id);
        run.expect("a move that changes the title and the role sends one JSON Patch of those two",
                status(moved) == 200 && "updated".equals(body(moved).path("outcome").asText())
                        && body(moved).path("changed").size() == 2 && patches.size() == 1
                        && patches.get(0).path().equals("/system/members/" + id)
                        && !patches.get(0).body().contains("inactiveFlag")
                        && "Finance".equals(after.path("securityRole").path("name").asText())
                        && "Native Check Lead".equals(after.path("title").asText())
                        && directory.get(run.tenant, id).map(DirectoryEntry::securityRole)
                        .filter("Finance"::equals).isPresent(), moved);

        JsonNode again = run.invoke(ApiGatewayEvents.moveById(run.tenant, "check-m2", id, body));
        run.expect("the same move again, by id, changes nothing and writes nothing",
                status(again) == 200 && "unchanged".equals(body(again).path("outcome").asText())
                        && run.simulator.requestLog().count("PATCH", "/system/members") == 1, again);

        run.refused("a body with an unknown field and a title too long is refused with 400 validation",
                ApiGatewayEvents.move(run.tenant, "check-m3", identifier, "{\"nickname\":\"N\",\"title\":\""
                        + "T".repeat(51) + "\"}"), 400, "validation");
        run.refused("a body naming no field is refused with 400 validation",
                ApiGatewayEvents.move(run.tenant, "check-m4", identifier, "{}"), 400, "validation");
        run.refused("an unknown member is refused with 404", ApiGatewayEvents.move(run.tenant, "check-m5",
                "nobody.here", body), 404, null);
        APIGatewayV2HTTPEvent forged = ApiGatewayEvents.move(run.tenant, "check-m6", identifier, body);
        forged.getHeaders().put("authorization", "Bearer not-the-token");
        run.refused("a wrong bearer token is refused with 401", forged, 401, null);
    }

    private void members(Run run) {
        sync.handle(new SyncRequest(null, run.tenant, "full", null));
        List<ObjectNode> members = run.simulator.members(BenchTenants.COMPANY).all();
        ObjectNode member = members.get(3);
        String identifier = member.get("identifier").asText();
        run.simulator.requestLog().clear();

        JsonNode read = run.invoke(ApiGatewayEvents.read(run.tenant, identifier, Map.of()));
        run.expect("a member by identifier comes from the directory, with no ConnectWise request",
                status(read) == 200 && body(read).path("memberId").asLong() == member.get("id").asLong()
                        && identifier.equals(body(read).path("identifier").asText())
                        && member.path("lastName").asText().equals(body(read).path("lastName").asText())
                        && run.simulator.requestLog().all().isEmpty(), read);

        JsonNode page = run.invoke(ApiGatewayEvents.read(run.tenant, null, Map.of("limit", "10")));
        JsonNode next = run.invoke(ApiGatewayEvents.read(run.tenant, null,
                Map.of("limit", "10", "cursor", body(page).path("nextCursor").asText())));
        run.expect("the directory is listed page by page, with no ConnectWise request",
                status(page) == 200 && body(page).path("members").size() == 10 && status(next) == 200
                        && body(next).path("members").path(0).path("memberId").asLong()
                        > body(page).path("members").path(9).path("memberId").asLong()
                        && run.simulator.requestLog().all().isEmpty(), next);

        run.simulator.members(BenchTenants.COMPANY).update(member.get("id").asLong(),
                changed -> changed.put("lastName", "Refreshed"));
        JsonNode fresh = run.invoke(ApiGatewayEvents.read(run.tenant, identifier, Map.of("fresh", "true")));
        JsonNode stored = run.invoke(ApiGatewayEvents.read(run.tenant, identifier, Map.of()));
        // a cold process's first ConnectWise request may be preceded by the codebase lookup (login/companyinfo)
        run.expect("a fresh read asks ConnectWise once and refreshes the directory",
                status(fresh) == 200 && "Refreshed".equals(body(fresh).path("lastName").asText())
                        && run.simulator.requestLog().count(null, "/system/members") == 1
                        && "Refreshed".equals(body(stored).path("lastName").asText()), fresh);

        run.simulator.requestLog().clear();
        JsonNode unknown = run.invoke(ApiGatewayEvents.read(run.tenant, "nobody.here", Map.of()));
        run.expect("an unknown member is 404 member-not-found, with no ConnectWise request",
                status(unknown) == 404 && "urn:cw-lifecycle:problem:member-not-found"
                        .equals(body(unknown).path("type").asText())
                        && run.simulator.requestLog().all().isEmpty(), unknown);
        run.refused("an unknown parameter is refused with 400 validation", ApiGatewayEvents.read(run.tenant, null,
                Map.of("sort", "name")), 400, "validation");
    }

    private void scim(Run run) {
        JsonNode config = run.invoke(ApiGatewayEvents.scim("GET", run.tenant, "/ServiceProviderConfig", Map.of(),
                null));
        JsonNode schemas = run.invoke(ApiGatewayEvents.scim("GET", run.tenant, "/Schemas", Map.of(), null));
        run.expect("the discovery documents are served",
                status(config) == 200 && body(config).path("patch").path("supported").asBoolean()
                        && status(schemas) == 200 && body(schemas).path("totalResults").asInt() > 0, schemas);

        String email = "sam.scim@acme.example";
        JsonNode created = run.invoke(ApiGatewayEvents.scim("POST", run.tenant, "/Users", Map.of(), """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true,
                 "externalId":"entra-17","name":{"givenName":"Sam","familyName":"Scim"},
                 "urn:ietf:params:scim:schemas:extension:cwlifecycle:2.0:User":{"securityRole":"Technician"}}"""
                .formatted(email)));
        long id = body(created).path("id").asLong();
        run.expect("a POST /Users creates the member with one POST",
                status(created) == 201 && header(created, "Location").endsWith("/Users/" + id)
                        && run.simulator.requestLog().count("POST", "/system/members") == 1
                        && email.equals(run.simulator.members(BenchTenants.COMPANY).get(id).path("officeEmail")
                        .asText()), created);

        int requests = run.simulator.requestLog().all().size();
        JsonNode found = run.invoke(ApiGatewayEvents.scim("GET", run.tenant, "/Users",
                Map.of("filter", "userName eq \"" + email + "\""), null));
        run.expect("a filter on userName finds the user with no ConnectWise request",
                status(found) == 200 && body(found).path("totalResults").asInt() == 1
                        && body(found).path("Resources").path(0).path("id").asLong() == id
                        && run.simulator.requestLog().all().size() == requests, found);

        JsonNode deactivated = run.invoke(ApiGatewayEvents.scim("PATCH", run.tenant, "/Users/" + id, Map.of(),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"));
        run.expect("a PatchOp setting active false deactivates the member",
                status(deactivated) == 200 && !body(deactivated).path("active").asBoolean(true)
                        && run.simulator.members(BenchTenants.COMPANY).get(id).path("inactiveFlag").asBoolean()
                        && run.simulator.requestLog().count("PATCH", "/system/members") == 1, deactivated);

        APIGatewayV2HTTPEvent forged = ApiGatewayEvents.scim("GET", run.tenant, "/Users", Map.of(), null);
        forged.getHeaders().put("authorization", "Bearer not-the-token");
        int before = run.simulator.requestLog().all().size();
        JsonNode refused = run.invoke(forged);
        run.expect("a wrong bearer token is refused with 401 as a SCIM error, with no ConnectWise request",
                status(refused) == 401 && "401".equals(body(refused).path("status").asText())
                        && body(refused).path("schemas").path(0).asText().endsWith(":Error")
                        && run.simulator.requestLog().all().size() == before, refused);
    }

    /** One runtime's pass over one function's events: every answer is kept for the native/JVM comparison. */
    private final class Run {
        private final String name;
        private final String tenant;
        private final ConnectWiseSimulator simulator;
        private final CallbackEndpoint recorder;
        private final LambdaFunction lambda;
        private final List<String> answers = new ArrayList<>();

        Run(String name, String tenant, ConnectWiseSimulator simulator, CallbackEndpoint recorder,
            LambdaFunction lambda) {
            this.name = name;
            this.tenant = tenant;
            this.simulator = simulator;
            this.recorder = recorder;
            this.lambda = lambda;
        }

        JsonNode invoke(APIGatewayV2HTTPEvent event) {
            try {
                return invoke(JSON.writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** An error answer is kept as its type and message: the stack trace differs between native and JVM. */
        JsonNode invoke(String event) {
            LambdaRuntimeApi.Answer answer = lambda.invoke(event);
            JsonNode json = parse(answer.payload());
            if (answer.error()) {
                json = JSON.createObjectNode().put("errorType", json.path("errorType").asText())
                        .put("errorMessage", json.path("errorMessage").asText());
            }
            answers.add(answer.error() ? json.toString() : answer.payload());
            return json;
        }

        void expect(String what, boolean holds, JsonNode answer) {
            verdict(name + ": " + what, holds, answer.toString());
        }

        /** Refused with {@code status} (and the problem {@code kind}, when given), and no ConnectWise write. */
        void refused(String what, APIGatewayV2HTTPEvent event, int status, String kind) {
            long writes = writes();
            JsonNode answer = invoke(event);
            expect(what, status(answer) == status
                    && header(answer, "Content-Type").startsWith("application/problem+json")
                    && (kind == null || body(answer).path("type").asText().equals("urn:cw-lifecycle:problem:" + kind))
                    && writes() == writes, answer);
        }

        private long writes() {
            return simulator.requestLog().all().stream().filter(request -> !request.method().equals("GET")).count();
        }
    }

    private void verdict(String what, boolean holds, String evidence) {
        if (holds) {
            passed++;
            System.out.println("PASS " + what);
        } else {
            failed++;
            System.out.println("FAIL " + what + "\n    " + evidence);
        }
    }

    /** The answer with the tenant, ids, times, durations, cursors and versions replaced: what must be equal between native and JVM. */
    static String normalise(String answer, String tenant) {
        String withoutIds = UUID.matcher(answer.replace(tenant, "<tenant>")).replaceAll("<uuid>");
        String withoutTimes = INSTANT.matcher(withoutIds).replaceAll("<time>");
        String withoutDurations = DURATION.matcher(withoutTimes).replaceAll("\"$1\":<duration>");
        String withoutCursors = CURSOR.matcher(withoutDurations).replaceAll("$1<cursor>");
        return VERSION.matcher(withoutCursors).replaceAll("W/$1<version>");
    }

    private static int status(JsonNode answer) {
        return answer.path("statusCode").asInt();
    }

    private static JsonNode body(JsonNode answer) {
        return parse(answer.path("body").asText("{}"));
    }

    private static String header(JsonNode answer, String name) {
        Function<JsonNode, String> find = headers -> {
            for (var fields = headers.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getKey().equalsIgnoreCase(name)) {
                    return field.getValue().isArray() ? field.getValue().path(0).asText() : field.getValue().asText();
                }
            }
            return null;
        };
        String single = find.apply(answer.path("headers"));
        String multi = single != null ? single : find.apply(answer.path("multiValueHeaders"));
        return multi == null ? "" : multi;
    }

    private static boolean isJsonObject(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("notJson", json);
        }
    }
}
