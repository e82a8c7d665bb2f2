package dev.cwlifecycle.connectwise;

import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.credentials.ConnectWiseCredentials;
import dev.cwlifecycle.credentials.LogCapture;
import dev.cwlifecycle.simulator.ConnectWiseSimulator;
import dev.cwlifecycle.simulator.Fault;
import dev.cwlifecycle.simulator.SimTenant;
import dev.cwlifecycle.testing.FixedCredentials;
import dev.cwlifecycle.testing.TestConnectWiseConfig;
import dev.cwlifecycle.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each request is logged with method, path, status, attempt and duration, and never with a credential. */
@QuarkusTest
class RequestLoggingTest {

    private static final String PUBLIC_KEY = "pubLOGTEST7c1e";
    private static final String PRIVATE_KEY = "privLOGTEST9f3a";
    private static final Pattern REQUEST_LINE = Pattern.compile(
            "INFO dev\\.cwlifecycle\\.connectwise\\.HttpTransport connectwise (GET|POST|PATCH|DELETE) (/\\S*) "
                    + "status=(\\d{1,3}) attempt=(\\d+) durationMs=(\\d+)");

    @RegisterExtension
    static final SimulatedSite SITE = new SimulatedSite(site -> site
            .tenant(new SimTenant("initech", PUBLIC_KEY, PRIVATE_KEY, "apimember"))
            .seedMembers(2));
    private static ConnectWiseSimulator simulator;
    private static ConnectWiseCredentials credentials;

    @BeforeAll
    static void start() {
        simulator = SITE.simulator();
        credentials = new ConnectWiseCredentials(simulator.baseUrl(), "initech", PUBLIC_KEY, PRIVATE_KEY,
                ConnectWiseSimulator.DEFAULT_CLIENT_ID, null, null);
    }

    @Test
    void logsEveryAttemptWithItsFieldsAndNoCredential() {
        // GIVEN the member read is throttled once
        long id = simulator.members("initech").all().get(0).get("id").asLong();
        simulator.faults().arm(Fault.on("GET", "/system/members/\\d+").rateLimited(null));
        ConnectWiseClient client = new ConnectWiseClients(TestConnectWiseConfig.defaults(),
                new FixedCredentials(credentials), new MovableClock()).forTenant("initech");
        List<String> lines;

        // WHEN a fresh client discovers the codebase and reads it, and a wrong key is refused
        try (LogCapture log = LogCapture.of("dev.cwlifecycle", "io.smallrye.faulttolerance")) {
            client.member(id);
            ConnectWiseClient wrongKey = new ConnectWiseClients(TestConnectWiseConfig.defaults(), new FixedCredentials(
                    new ConnectWiseCredentials(simulator.baseUrl(), "initech", PUBLIC_KEY, PRIVATE_KEY + "x",
                            ConnectWiseSimulator.DEFAULT_CLIENT_ID, "v2025_1/", null)), new MovableClock())
                    .forTenant("initech");
            assertThrows(UnauthorizedException.class, () -> wrongKey.member(id));
            lines = log.lines();
        }

        // THEN one line per request, in order, with its fields
        List<String> requests = lines.stream().map(RequestLoggingTest::fields).filter(line -> line != null).toList();
        assertEquals(List.of(
                "GET /login/companyinfo/initech status=200 attempt=1",
                "GET /system/members/" + id + " status=429 attempt=1",
                "GET /system/members/" + id + " status=200 attempt=2",
                "GET /system/members/" + id + " status=401 attempt=1",
                "GET /system/members/" + id + " status=401 attempt=1"), requests);
        // AND no line carries a key, the Basic credential or the Authorization header
        String basic = HttpTransport.authorization(credentials);
        for (String line : lines) {
            assertFalse(line.contains(PUBLIC_KEY), line);
            assertFalse(line.contains(PRIVATE_KEY), line);
            assertFalse(line.contains(basic.substring("Basic ".length())), line);
            assertFalse(line.toLowerCase().contains("authorization"), line);
        }
    }

    /** "METHOD path status=… attempt=…" of a request line (the duration checked, then left out), or null. */
    private static String fields(String line) {
        Matcher request = REQUEST_LINE.matcher(line.strip());
        if (!request.matches()) {
            assertFalse(line.contains("HttpTransport"), () -> "a request line without all its fields: " + line);
            return null;
        }
        assertTrue(Long.parseLong(request.group(5)) >= 0);
        return request.group(1) + " " + request.group(2) + " status=" + request.group(3)
                + " attempt=" + request.group(4);
    }
}
