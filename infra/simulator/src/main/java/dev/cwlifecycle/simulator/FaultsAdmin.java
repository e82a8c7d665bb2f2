package dev.cwlifecycle.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /_simulator/faults}, for a person trying the standalone simulator: GET lists the armed faults, POST arms
 * the faults its body describes ({@link FaultSpec}), DELETE disarms them all. Answered only to loopback callers and
 * only on that exact path; anything else is ConnectWise's 404, so the route cannot be mistaken for the API.
 */
final class FaultsAdmin implements HttpHandler {

    static final String PATH = "/_simulator/faults";

    private final Faults faults;

    FaultsAdmin(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()
                    || !exchange.getRequestURI().getPath().equals(PATH)) {
                answer(exchange, 404, WireJson.write(ConnectWiseErrors.endpointMissing().body()));
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> answer(exchange, 200, list());
                case "POST" -> {
                    try {
                        FaultSpec.parse(body).forEach(faults::arm);
                        answer(exchange, 200, list());
                    } catch (IllegalArgumentException bad) {
                        answer(exchange, 400, bad.getMessage() + "\n");
                    }
                }
                case "DELETE" -> {
                    faults.clear();
                    answer(exchange, 200, list());
                }
                default -> answer(exchange, 405, "GET, POST or DELETE\n");
            }
        }
    }

    private String list() {
        StringBuilder text = new StringBuilder();
        faults.armed().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 404 ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
