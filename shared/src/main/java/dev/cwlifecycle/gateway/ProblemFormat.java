package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * How a route writes the problem a failure became ({@link Problems}): problem+json for the ticketing API and the
 * callbacks, SCIM's error schema for the SCIM routes. The status, the meaning and the {@code Retry-After} are the
 * same whatever the format.
 */
@FunctionalInterface
public interface ProblemFormat {

    ProblemFormat PROBLEM_JSON = GatewayResponses::problem;

    APIGatewayV2HTTPResponse write(Problem problem, Map<String, String> headers);
}
