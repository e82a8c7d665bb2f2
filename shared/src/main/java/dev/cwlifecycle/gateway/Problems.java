package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.ForbiddenException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.credentials.CredentialsException;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;

/**
 * The one place where a failure becomes a response: our own refusals keep their problem; ConnectWise being
 * unavailable is 503 with {@code Retry-After}; ConnectWise refusing our credentials is 502 (the caller did nothing
 * wrong, the operator must fix the secret); anything else is 500 with only the correlation id to go on.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private Problems() {
    }

    public static APIGatewayV2HTTPResponse respond(Throwable failure, String correlationId) {
        Problem problem = problemFor(failure).correlatedBy(correlationId);
        if (problem.status() >= 500) {
            LOG.errorf(failure, "request failed: status=%d type=%s", problem.status(), problem.type());
        } else {
            LOG.infof("request refused: status=%d type=%s detail=%s", problem.status(), problem.type(),
                    problem.detail());
        }
        Map<String, String> headers = problem.status() == 503
                ? Map.of("Retry-After", String.valueOf(retryAfter(failure).toSeconds()))
                : Map.of();
        return GatewayResponses.problem(problem, headers);
    }

    static Problem problemFor(Throwable failure) {
        if (failure instanceof ProblemException refused) {
            return refused.problem();
        }
        if (failure instanceof RateLimitedException || failure instanceof ConnectionFailedException
                || failure instanceof ServerErrorException) {
            return Problem.of("connectwise-unavailable", "ConnectWise unavailable", 503,
                    "ConnectWise did not serve the request in time (" + failure.getMessage() + "); nothing was "
                            + "left half done, retry later");
        }
        if (failure instanceof UnauthorizedException) {
            return Problem.of("connectwise-credentials", "ConnectWise refused our credentials", 502,
                    "ConnectWise answered 401 twice, also after re-reading the tenant's secret: check its "
                            + "companyId, keys and clientId");
        }
        if (failure instanceof ForbiddenException) {
            return Problem.of("connectwise-permission", "ConnectWise refused the operation", 502,
                    "The API member's security role lacks a permission: " + failure.getMessage());
        }
        if (failure instanceof ConnectWiseException) {
            return Problem.of("connectwise-error", "ConnectWise refused the request", 502, failure.getMessage());
        }
        if (failure instanceof SecretNotFoundException) {
            return Problem.of("unknown-tenant", "Unknown tenant", 404, failure.getMessage());
        }
        if (failure instanceof CredentialsException) {
            return Problem.of("credentials", "Tenant credentials unavailable", 500, failure.getMessage());
        }
        return Problem.of("internal", "Internal error", 500, "Unexpected failure; see the logs for this "
                + "correlation id");
    }

    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof RateLimitedException limited) {
            return limited.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        }
        return DEFAULT_RETRY_AFTER;
    }
}
