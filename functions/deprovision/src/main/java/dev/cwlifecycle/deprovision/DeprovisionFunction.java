package dev.cwlifecycle.deprovision;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=deprovision}). */
public class DeprovisionFunction {

    @Inject
    DeprovisionHandler handler;

    @Funq("deprovision")
    public APIGatewayV2HTTPResponse deprovision(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
