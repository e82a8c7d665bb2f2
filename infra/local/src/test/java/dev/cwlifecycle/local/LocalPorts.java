package dev.cwlifecycle.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The local stack on free loopback ports instead of the fixed ones, a known token, a small company and a one-second
 * sync interval, so a test can run the whole story in seconds next to anything else on the machine.
 */
public class LocalPorts implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "local-test-token-7d41";
    static final String SCIM_TOKEN = "scim-test-token-52b9";
    private static volatile int httpPort;

    @Override
    public Map<String, String> start() {
        httpPort = freePort();
        return Map.of(
                "quarkus.http.test-port", Integer.toString(httpPort),
                "cw.local.callback-url", api() + "/callbacks/connectwise",
                "cw.local.simulator-port", Integer.toString(freePort()),
                "cw.local.dynamodb-port", Integer.toString(freePort()),
                "cw.local.work-dir", "target/cw-local-test",
                "cw.local.members", "40",
                "cw.local.token", TOKEN,
                "cw.local.scim-token", SCIM_TOKEN,
                "cw.local.sync-interval", "1s");
    }

    @Override
    public void stop() {
        // the application stops what it started; nothing here holds a resource
    }

    static String api() {
        return "http://127.0.0.1:" + httpPort;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
