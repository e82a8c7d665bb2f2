package dev.cwlifecycle.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.callback.CallbackHandler;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.gateway.ProblemException;
import dev.cwlifecycle.gateway.Problems;
import dev.cwlifecycle.members.MembersHandler;
import dev.cwlifecycle.mover.MoverHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import dev.cwlifecycle.scim.ScimHandler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The local API Gateway: every route of {@link LocalRoutes} on the one HTTP server, each handed to the same
 * handler bean its Lambda function calls, as an API Gateway v2 event. Anything else gets API Gateway's 404.
 */
@ApplicationScoped
public class LocalGateway {

    /** API Gateway's own payload limit. */
    private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(LocalGateway.class);

    private final Map<String, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final Clock clock;
    private HttpServer server;

    @Inject
    public LocalGateway(ProvisionHandler provision, DeprovisionHandler deprovision, MoverHandler mover,
                        CallbackHandler callback, MembersHandler members, ScimHandler scim, Clock clock) {
        this.clock = clock;
        this.functions = Map.of(
                "provision", provision::handle,
                "deprovision", deprovision::handle,
                "mover", mover::handle,
                "callback", callback::handle,
                "members", members::handle,
                "scim", scim::handle);
        LocalRoutes.ALL.stream().filter(route -> !functions.containsKey(route.function())).findAny()
                .ifPresent(route -> {
                    throw new IllegalStateException("No handler for " + route.routeKey());
                });
    }

    /**
     * Its own server rather than Quarkus's: a request Vert.x cannot even read (a control character in a header, a
     * malformed %-escape) reaches only the server's invalid-request handler, which Quarkus leaves at a bare 400.
     * After {@link LocalStack}: the tables and the site exist before the first request.
     */
    void start(@Observes @Priority(2) StartupEvent event, Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // the handlers block on ConnectWise and DynamoDB; requests may run side by side, as Lambdas do
        router.route().blockingHandler(this::serve, false);
        server = vertx.createHttpServer()
                .invalidRequestHandler(request -> unreadable(request.response().putHeader("Connection", "close")))
                .requestHandler(router)
                .listen(LocalStack.httpPort(), "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }

    private void serve(RoutingContext context) {
        Optional<LocalRoutes.Matched> matched = LocalRoutes.match(context.request().method().name(),
                context.request().path());
        if (matched.isEmpty()) {
            GatewayExchange.notFound(context.response());
            return;
        }
        APIGatewayV2HTTPEvent event;
        try {
            event = GatewayExchange.event(context, matched.get(), clock.instant());
        } catch (HttpException malformedQuery) {
            unreadable(context.response());
            return;
        }
        APIGatewayV2HTTPResponse answer;
        try {
            answer = functions.get(matched.get().route().function()).apply(event);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "%s failed instead of answering", matched.get().route().function());
            GatewayExchange.internalError(context.response());
            return;
        }
        GatewayExchange.respond(context.response(), answer);
    }

    /** A request that cannot be read as HTTP, or whose query has a malformed %-escape: a problem like any refusal. */
    private static void unreadable(HttpServerResponse response) {
        GatewayExchange.respond(response, Problems.respond(ProblemException.badRequest("malformed-request",
                "The request cannot be read: a control character in a header, a malformed %-escape or an oversized "
                        + "line"), UUID.randomUUID().toString()));
    }
}
