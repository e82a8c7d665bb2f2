package dev.cwlifecycle.members;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The Lambda entry point ({@code quarkus.funqy.export=members}). */
public class MembersFunction {

    @Inject
    MembersHandler handler;

    @Funq("members")
    public APIGatewayV2HTTPResponse members(APIGatewayV2HTTPEvent event) {
        return handler.handle(event);
    }
}
