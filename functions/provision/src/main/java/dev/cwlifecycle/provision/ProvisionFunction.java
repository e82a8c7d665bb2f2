package dev.cwlifecycle.provision;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=provision}). */
public class ProvisionFunction {

    @Inject
    ProvisionHandler handler;

    @Funq("provision")
    public APIGatewayV2HTTPResponse provision(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
