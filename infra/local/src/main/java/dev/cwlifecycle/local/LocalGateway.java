package dev.cwlifecycle.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.callback.CallbackHandler;
import dev.cwlifecycle.deprovision.DeprovisionHandler;
import dev.cwlifecycle.provision.ProvisionHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
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

    @Inject
    public LocalGateway(ProvisionHandler provision, DeprovisionHandler deprovision, CallbackHandler callback) {
        this.functions = Map.of(
                "provision", provision::handle,
                "deprovision", deprovision::handle,
                "callback", callback::handle);
        LocalRoutes.ALL.stream().filter(route -> !functions.containsKey(route.function())).findAny()
                .ifPresent(route -> {
                    throw new IllegalStateException("No handler for " + route.routeKey());
                });
    }

    void routes(@Observes Router router) {
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // the handlers block on ConnectWise and DynamoDB; requests may run side by side, as Lambdas do
        router.route().blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext context) {
        Optional<LocalRoutes.Matched> matched = LocalRoutes.match(context.request().method().name(),
                context.request().path());
        if (matched.isEmpty()) {
            GatewayExchange.notFound(context);
            return;
        }
        APIGatewayV2HTTPResponse answer;
        try {
            answer = functions.get(matched.get().route().function()).apply(GatewayExchange.event(context, matched.get()));
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "%s failed instead of answering", matched.get().route().function());
            GatewayExchange.internalError(context);
            return;
        }
        GatewayExchange.respond(context, answer);
    }
}
