package dev.cwlifecycle.mover;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=mover}). */
public class MoverFunction {

    @Inject
    MoverHandler handler;

    @Funq("mover")
    public APIGatewayV2HTTPResponse mover(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
