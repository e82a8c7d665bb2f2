package dev.cwlifecycle.local;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C on {@code ./run-local}: its main ({@link LocalMain}) serves until Quarkus is told to exit, as the JVM's
 * SIGINT hook tells it; after that nothing listens on the HTTP, simulator or DynamoDB Local port.
 */
@QuarkusMainTest
class LocalShutdownTest {

    /** Only guards against a stack that never comes up or never stops; no duration is asserted. */
    private static final long GIVE_UP_SECONDS = 180;

    @Test
    void afterTheStackStopsItsThreePortsCanBeBoundAgain(QuarkusMainLauncher launcher) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("quarkus.http.test-port", LocalPorts.freePort());
        ports.put("cw.local.simulator-port", LocalPorts.freePort());
        ports.put("cw.local.dynamodb-port", LocalPorts.freePort());
        Map<String, String> settings = new LinkedHashMap<>();
        ports.forEach((name, port) -> settings.put(name, Integer.toString(port)));
        settings.put("cw.local.callback-url", "http://127.0.0.1:" + ports.get("quarkus.http.test-port")
                + "/callbacks/connectwise");
        settings.put("cw.local.work-dir", "target/cw-local-shutdown-test");
        settings.put("cw.local.members", "20");
        settings.forEach(System::setProperty);
        ExecutorService mainThread = Executors.newSingleThreadExecutor();
        AtomicReference<Thread> running = new AtomicReference<>();
        try {
            Future<LaunchResult> launched = mainThread.submit(() -> {
                running.set(Thread.currentThread());
                return launcher.launch();
            });
            awaitListening(ports, launched);

            // what the SIGINT hook does: Quarkus' exit, in the application's class loader (the launch thread's)
            running.get().getContextClassLoader().loadClass("io.quarkus.runtime.Quarkus").getMethod("asyncExit")
                    .invoke(null);
            LaunchResult result = launched.get(GIVE_UP_SECONDS, TimeUnit.SECONDS);

            assertEquals(0, result.exitCode(), result.getOutput());
            assertTrue(result.getOutput().contains("callback"), "the stack was up: " + result.getOutput());
            ports.forEach((name, port) -> {
                try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    assertEquals(port, again.getLocalPort());
                } catch (IOException stillHeld) {
                    throw new AssertionError(name + " " + port + " is still held after shutdown", stillHeld);
                }
            });
        } finally {
            mainThread.shutdownNow();
            settings.keySet().forEach(System::clearProperty);
        }
    }

    private static void awaitListening(Map<String, Integer> ports, Future<LaunchResult> launched) {
        Awaitility.await("the stack listening on " + ports).atMost(Duration.ofSeconds(GIVE_UP_SECONDS))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (launched.isDone()) {
                        throw new AssertionError("the stack ended before it served: " + launched.get().getOutput());
                    }
                    return ports.values().stream().allMatch(LocalShutdownTest::listening);
                });
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
