package dev.cwlifecycle.callback;

import com.sun.net.httpserver.HttpServer;
import dev.cwlifecycle.gateway.Problems;
import dev.cwlifecycle.gateway.exceptions.SignatureRefused;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signing-key fetch against a real loopback HTTP server that answers with far more than a key. */
class SigningKeysTest {

    private static final long OFFERED_BYTES = 256L * 1024 * 1024;

    private final HttpServer keyServer = startKeyServer();
    private final AtomicLong written = new AtomicLong();
    private final CompletableFuture<Boolean> cutOff = new CompletableFuture<>();

    @AfterEach
    void stop() {
        keyServer.stop(0);
    }

    @Test
    void givenAKeyUrlAnsweringWith256MiB_whenTheKeyIsFetched_thenItIsRefusedAfter16KiBWithoutReadingTheRest()
            throws Exception {
        keyServer.createContext("/system/callbackkey/index.rails", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"signing_key\":\"".getBytes(StandardCharsets.UTF_8));
                while (written.get() < OFFERED_BYTES) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
                cutOff.complete(false);
            } catch (IOException closedByTheClient) {
                cutOff.complete(true);
            }
        });
        SigningKeys keys = new SigningKeys(new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withMapping(CallbackConfig.class).build().getConfigMapping(CallbackConfig.class), Clock.systemUTC());
        URI keyUrl = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort()
                + "/system/callbackkey/index.rails?companyName=acme&id=huge");

        SignatureRefused refused = assertThrows(SignatureRefused.class,
                () -> keys.hmacKey(keyUrl, AnswerDeadline.after(Clock.systemUTC(), Duration.ofSeconds(30))));

        assertEquals(401, Problems.respond(refused, "test").getStatusCode());
        assertEquals("The key_url answered with more than a signing key", refused.getMessage());
        assertTrue(cutOff.get(30, TimeUnit.SECONDS), "the client read all " + written.get() + " bytes offered");
    }

    private static HttpServer startKeyServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
