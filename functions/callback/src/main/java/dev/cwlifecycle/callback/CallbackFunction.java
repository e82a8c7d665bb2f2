package dev.cwlifecycle.callback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=callback}): ConnectWise's webhook POSTs via API Gateway. */
public class CallbackFunction {

    @Inject
    CallbackHandler handler;

    @Funq("callback")
    public APIGatewayV2HTTPResponse callback(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
