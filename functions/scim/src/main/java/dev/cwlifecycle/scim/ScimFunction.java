package dev.cwlifecycle.scim;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=scim}). */
public class ScimFunction {

    @Inject
    ScimHandler handler;

    @Funq("scim")
    public APIGatewayV2HTTPResponse scim(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
