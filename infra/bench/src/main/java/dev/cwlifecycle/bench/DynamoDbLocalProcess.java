package dev.cwlifecycle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Local (the real DynamoDB engine, in memory) in a child JVM on a free loopback port. A child rather than
 * in-process: its heap must not be counted in the sync's peak heap.
 */
final class DynamoDbLocalProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final JavaProcess process;
    private final int port;

    private DynamoDbLocalProcess(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static DynamoDbLocalProcess start() {
        int port = freeLoopbackPort();
        JavaProcess process = JavaProcess.start(JavaProcess.benchLibraries(), List.of("-Xmx2g"),
                "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                List.of("-inMemory", "-disableTelemetry", "-port", Integer.toString(port)), Map.of());
        DynamoDbLocalProcess local = new DynamoDbLocalProcess(process, port);
        local.awaitListening();
        return local;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        process.close();
        throw new IllegalStateException("DynamoDB Local did not listen on port " + port + " within "
                + STARTUP.toSeconds() + " s");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while DynamoDB Local started", e);
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
