package dev.cwlifecycle.provision;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.funqy.Funq;

public class ProvisionFunction {
    @Funq("provision")
    public APIGatewayV2HTTPResponse provision(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(501).build();
    }
}
