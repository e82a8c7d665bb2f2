package dev.cwlifecycle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Delivery;
import dev.cwlifecycle.simulator.RequestLog;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded stack as {@code ./run-local} starts it, on free ports, driven over HTTP like a real caller. */
@QuarkusTest
@QuarkusTestResource(value = LocalPorts.class, restrictToAnnotatedClass = true)
class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "default";
    private static final String COMPANY = "acme";

    @Inject
    LocalStack stack;
    @Inject
    MemberDirectory directory;
    @Inject
    LocalConfig config;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyCurlExampleInTheReadmeRunsAsWrittenAgainstTheLocalStack() throws Exception {
        List<String> scripts = ReadmeExamples.curlScripts();

        assertEquals(6, scripts.size(),
                "the local block, the API section's provision, its mover, its deprovision and its reads, SCIM's");
        for (String script : scripts) {
            // as written, but on this test's port; CW_TOKEN and CW_SCIM_TOKEN as a reader pasted them from the banner
            ProcessBuilder bash = new ProcessBuilder("bash", "-euc", script.replace("http://127.0.0.1:8080",
                    LocalPorts.api())).redirectErrorStream(true);
            bash.environment().put("CW_TOKEN", LocalPorts.TOKEN);
            bash.environment().put("CW_SCIM_TOKEN", LocalPorts.SCIM_TOKEN);
            Process run = bash.start();
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, run.waitFor(), script + printed);
            List<JsonNode> answers = JSON.readerFor(JsonNode.class).<JsonNode>readValues(printed).readAll();
            assertEquals(script.split("curl ", -1).length - 1, answers.size(), printed);
            for (JsonNode answer : answers) {
                assertFalse(answer.has("type"), "a problem answer: " + answer + " to " + script);
            }
        }
    }

    @Test
    void theDemoTellsTheWholeStoryThroughTheLocalServer() {
        ConnectWiseSimulator simulator = stack.simulator().orElseThrow();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DemoStory.Outcome outcome = new DemoStory(URI.create(LocalPorts.api()), LocalPorts.TOKEN, LocalPorts.SCIM_TOKEN,
                TENANT, simulator, COMPANY, directory, Duration.ofSeconds(15), config.syncInterval(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        ObjectNode member = simulator.members(COMPANY).get(outcome.memberId());
        assertEquals("zlindqvist", outcome.identifier());
        assertEquals("zlindqvist", member.path("identifier").asText());
        assertEquals(DemoStory.NEW_LAST_NAME, member.path("lastName").asText());
        assertTrue(member.path("inactiveFlag").asBoolean());
        assertEquals(DirectoryEntry.Source.SYNC, outcome.renamed().source(), "callbacks were held: only the sync");
        DirectoryEntry row = directory.get(TENANT, outcome.memberId()).orElseThrow();
        assertFalse(row.active());
        assertEquals(DemoStory.NEW_LAST_NAME, row.lastName());
        assertEquals(DemoStory.NEW_ROLE, row.securityRole());
        assertEquals(DemoStory.NEW_TITLE, member.path("title").asText());
        assertEquals(DemoStory.NEW_ROLE, outcome.moved().securityRole());
        assertEquals(DemoStory.NEW_LAST_NAME, outcome.moved().lastName(), "the move kept the rename");
        assertEquals("zoe.lindqvist@acme.example", row.officeEmail());
        assertEquals(outcome.seatsBefore() + 1, outcome.seatsProvisioned());
        assertEquals(outcome.seatsBefore(), outcome.seatsAfter());
        List<Delivery> deliveries = simulator.callbacks().deliveries();
        assertTrue(deliveries.stream().anyMatch(delivery -> mentions(delivery, outcome.memberId())));
        assertTrue(deliveries.stream().allMatch(delivery -> delivery.url().equals(config.callbackUrl())
                && delivery.succeeded()), deliveries.toString());
        ObjectNode scimUser = simulator.members(COMPANY).get(outcome.scimMemberId());
        assertEquals("amara.nwosu@acme.example", scimUser.path("officeEmail").asText());
        assertEquals(DemoStory.SCIM_TITLE, scimUser.path("title").asText());
        assertTrue(scimUser.path("inactiveFlag").asBoolean(), "Okta's deactivation deactivated, never deleted");
        assertTrue(printed.toString(StandardCharsets.UTF_8).endsWith("== demo complete ==" + System.lineSeparator()),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anythingOutsideTheRouteTableGetsApiGatewaysNotFound() throws Exception {
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(LocalPorts.api() + "/members")).DELETE().build(),
                HttpRequest.newBuilder(URI.create(LocalPorts.api() + "/members/ada/delete"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create(LocalPorts.api() + "/"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build())) {

            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertEquals(404, response.statusCode(), request.toString());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
    }

    @Test
    void aCallerWithoutTheTokenIsRefusedBeforeConnectWiseIsAsked() throws Exception {
        int seats = stack.simulator().orElseThrow().members(COMPANY).activeFullSeats();

        HttpResponse<String> response = post("/members", Map.of("Content-Type", "application/json"),
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@acme.example\",\"role\":\"Technician\"}");

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("urn:cw-lifecycle:problem:unauthenticated", problem.path("type").asText());
        assertEquals(problem.path("correlationId").asText(),
                response.headers().firstValue("X-Correlation-Id").orElse(null));
        assertEquals(seats, stack.simulator().orElseThrow().members(COMPANY).activeFullSeats());
    }

    @Test
    void pathParametersReachTheFunctionDecoded() throws Exception {
        HttpResponse<String> response = post("/members/ada%2Fx/deprovision", Map.of(
                "Authorization", "Bearer " + LocalPorts.TOKEN), "");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertTrue(errors.toString().contains("\"field\":\"identifier\""), errors.toString());
    }

    @Test
    void aRequestTheServerCannotReadIsRefusedAsAProblemAndReachesNoFunction() throws Exception {
        RequestLog log = stack.simulator().orElseThrow().requestLog();
        int writes = log.count("POST", "") + log.count("PATCH", "");
        String body = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@acme.example\","
                + "\"role\":\"Technician\"}";
        for (String head : List.of(
                "POST /members HTTP/1.1\r\nIdempotency-Key: a\u0001b\r\n",
                "POST /members?ticket=%zz HTTP/1.1\r\n",
                "POST /members/a%zz/deprovision?x=%G1 HTTP/1.1\r\n")) {

            String answer = raw(head + "Host: 127.0.0.1\r\nAuthorization: Bearer " + LocalPorts.TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("\r\nContent-Type: application/problem+json\r\n"), answer);
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals("urn:cw-lifecycle:problem:malformed-request", problem.path("type").asText(), answer);
        }
        assertEquals(writes, log.count("POST", "") + log.count("PATCH", ""));
    }

    /** Bytes no HTTP client library would send. */
    private static String raw(String request) throws IOException {
        URI api = URI.create(LocalPorts.api());
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCallbackWhoseBodyWasChangedAfterSigningIsRefusedAndChangesNothing() throws Exception {
        ConnectWiseSimulator simulator = stack.simulator().orElseThrow();
        long memberId = simulator.members(COMPANY).all().get(3).path("id").asLong();
        simulator.members(COMPANY).update(memberId, member -> member.put("title", "Field Engineer"));
        Delivery genuine = awaitDelivery(simulator, memberId);
        DirectoryEntry before = directory.get(TENANT, memberId).orElseThrow();

        HttpResponse<String> forged = post("/callbacks/connectwise", Map.of("Content-Type", "application/json",
                "x-content-signature", genuine.signature()), genuine.body().replace("\"Action\":\"updated\"",
                "\"Action\":\"deleted\""));

        assertEquals(401, forged.statusCode(), forged.body());
        DirectoryEntry after = directory.get(TENANT, memberId).orElseThrow();
        assertFalse(after.deleted());
        assertEquals(before.lastUpdated(), after.lastUpdated());
    }

    @Test
    void aBodyThatIsNotTextReachesTheFunctionByteForByte() throws Exception {
        ConnectWiseSimulator simulator = stack.simulator().orElseThrow();
        long memberId = simulator.members(COMPANY).all().get(5).path("id").asLong();
        simulator.members(COMPANY).update(memberId, member -> member.put("title", "Søren's successor"));
        Delivery genuine = awaitDelivery(simulator, memberId);

        HttpResponse<String> again = post("/callbacks/connectwise", Map.of("Content-Type", "application/octet-stream",
                "x-content-signature", genuine.signature()), genuine.body());

        assertEquals(200, again.statusCode(), again.body());
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalPorts.api() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Delivery awaitDelivery(ConnectWiseSimulator simulator, long memberId) {
        return Awaitility.await("a callback about member " + memberId).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> simulator.callbacks().deliveries().stream()
                        .filter(delivery -> delivery.succeeded() && mentions(delivery, memberId)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static boolean mentions(Delivery delivery, long memberId) {
        try {
            return JSON.readTree(delivery.body()).path("ID").asLong() == memberId;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
