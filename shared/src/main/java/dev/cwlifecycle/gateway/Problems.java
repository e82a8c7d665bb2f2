package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.connectwise.error.ConnectWiseException;
import dev.cwlifecycle.connectwise.error.ConnectionFailedException;
import dev.cwlifecycle.connectwise.error.ForbiddenException;
import dev.cwlifecycle.connectwise.error.RateLimitedException;
import dev.cwlifecycle.connectwise.error.ServerErrorException;
import dev.cwlifecycle.connectwise.error.UnauthorizedException;
import dev.cwlifecycle.credentials.CredentialsException;
import dev.cwlifecycle.credentials.CredentialsUnavailableException;
import dev.cwlifecycle.credentials.SecretNotFoundException;
import dev.cwlifecycle.credentials.SecretThrottledException;
import dev.cwlifecycle.gateway.exceptions.CallbackNotApplied;
import dev.cwlifecycle.gateway.exceptions.ForeignCompany;
import dev.cwlifecycle.gateway.exceptions.KeyUrlRefused;
import dev.cwlifecycle.gateway.exceptions.SignatureRefused;
import dev.cwlifecycle.gateway.exceptions.SigningKeyUnavailable;
import dev.cwlifecycle.gateway.exceptions.TenantForbidden;
import dev.cwlifecycle.lifecycle.exceptions.CreateUnsettled;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetInvalid;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetUnknown;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierTaken;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierUnderivable;
import dev.cwlifecycle.lifecycle.exceptions.IdentifiersExhausted;
import dev.cwlifecycle.lifecycle.exceptions.MemberBusy;
import dev.cwlifecycle.lifecycle.exceptions.MemberExists;
import dev.cwlifecycle.lifecycle.exceptions.MemberInactive;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotOurs;
import dev.cwlifecycle.lifecycle.exceptions.UnknownReference;
import dev.cwlifecycle.lifecycle.exceptions.UnknownSecurityRole;
import dev.cwlifecycle.store.DynamoDbOutage;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a failure becomes a response: the edge's own refusals keep their problem; what the lifecycle
 * core refuses ({@code dev.cwlifecycle.lifecycle.exceptions}) gets its status and type here; ConnectWise, Secrets
 * Manager or DynamoDB being unavailable is 503 with {@code Retry-After}; ConnectWise refusing our credentials is 502
 * (the caller did nothing wrong, the operator must fix the secret); anything else is 500 with only the correlation
 * id to go on. A credentials failure answers without its message, which names the secret and AWS's request: that
 * is for the logs, not for a caller who may not even be authenticated yet.
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
        Map<String, String> headers = problem.status() == 503 || failure instanceof MemberBusy
                ? Map.of("Retry-After", String.valueOf(retryAfter(failure).toSeconds()))
                : Map.of();
        return GatewayResponses.problem(problem, headers);
    }

    static Problem problemFor(Throwable failure) {
        if (failure instanceof ProblemException refused) {
            return refused.problem();
        }
        Optional<Problem> known = lifecycleProblem(failure).or(() -> callbackProblem(failure));
        if (known.isPresent()) {
            return known.get();
        }
        if (failure instanceof TenantForbidden) {
            return Problem.of("tenant-forbidden", "Forbidden", 403, failure.getMessage());
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
        if (failure instanceof SecretThrottledException || failure instanceof CredentialsUnavailableException) {
            return Problem.of("credentials-unavailable", "Tenant credentials unavailable", 503,
                    "The tenant's credentials could not be read just now (Secrets Manager throttled or "
                            + "unreachable); nothing was done, retry later");
        }
        if (failure instanceof CredentialsException) {
            return Problem.of("credentials", "Tenant credentials unusable", 500, "The tenant's secret could not "
                    + "be read or does not hold usable credentials; the operator finds why in the logs under this "
                    + "correlation id");
        }
        if (DynamoDbOutage.is(failure)) {
            return Problem.of("state-unavailable", "State store unavailable", 503, "The idempotency table "
                    + "(DynamoDB) could not be reached or was throttled; nothing was sent to ConnectWise, retry "
                    + "later");
        }
        return Problem.of("internal", "Internal error", 500, "Unexpected failure; see the logs for this "
                + "correlation id");
    }

    /** What the lifecycle core refused or could not settle, as the caller's problem. */
    private static Optional<Problem> lifecycleProblem(Throwable failure) {
        String detail = failure.getMessage();
        Problem problem = null;
        if (failure instanceof MemberExists exists) {
            problem = conflict("member-exists", detail).with("memberId", exists.memberId())
                    .with("identifier", exists.identifier());
        } else if (failure instanceof MemberInactive inactive) {
            problem = conflict("member-inactive", detail).with("memberId", inactive.memberId())
                    .with("identifier", inactive.identifier());
        } else if (failure instanceof MemberNotOurs other) {
            problem = conflict("member-not-ours", detail).with("memberId", other.memberId())
                    .with("identifier", other.identifier());
        } else if (failure instanceof IdentifierTaken) {
            problem = conflict("identifier-taken", detail);
        } else if (failure instanceof IdentifiersExhausted) {
            problem = conflict("identifier-exhausted", detail);
        } else if (failure instanceof IdentifierUnderivable) {
            problem = unprocessable("identifier-underivable", detail);
        } else if (failure instanceof UnknownSecurityRole role) {
            problem = unprocessable("unknown-role", detail).with("validRoles", role.validRoles());
        } else if (failure instanceof UnknownReference unknown) {
            problem = unprocessable("unknown-reference", detail).withErrors(unknown.fields().stream()
                    .map(field -> new InvalidField(field.field(), field.message())).toList());
        } else if (failure instanceof HandoverTargetUnknown) {
            problem = unprocessable("handover-member-unknown", detail);
        } else if (failure instanceof HandoverTargetInvalid) {
            problem = unprocessable("handover-member-invalid", detail);
        } else if (failure instanceof MemberNotFound) {
            problem = Problem.of("member-not-found", "Not found", 404, detail);
        } else if (failure instanceof MemberBusy) {
            problem = conflict("in-progress", detail);
        } else if (failure instanceof CreateUnsettled) {
            problem = Problem.of("connectwise-unsettled", "ConnectWise unavailable", 503, detail);
        }
        return Optional.ofNullable(problem);
    }

    /**
     * A callback refused: 401 tells ConnectWise (or whoever forged the call) nothing beyond "not accepted"; 429 is
     * the only status after which ConnectWise redelivers, so every "we could not take it now" is a 429.
     */
    private static Optional<Problem> callbackProblem(Throwable failure) {
        String detail = failure.getMessage();
        Problem problem = null;
        if (failure instanceof ForeignCompany) {
            problem = callbackRefused("callback-company", detail);
        } else if (failure instanceof KeyUrlRefused) {
            problem = callbackRefused("callback-key-url", detail);
        } else if (failure instanceof SignatureRefused) {
            problem = callbackRefused("callback-signature", detail);
        } else if (failure instanceof SigningKeyUnavailable) {
            problem = Problem.of("callback-key-unavailable", "Try again later", 429, detail);
        } else if (failure instanceof CallbackNotApplied) {
            problem = Problem.of("callback-not-applied", "Try again later", 429, detail);
        }
        return Optional.ofNullable(problem);
    }

    private static Problem callbackRefused(String kind, String detail) {
        return Problem.of(kind, "Callback not accepted", 401, detail);
    }

    /** True when {@code failure} is the caller's to fix or to retry (a 4xx), not ours (a 5xx). */
    public static boolean isRefusal(Throwable failure) {
        return problemFor(failure).status() < 500;
    }

    private static Problem conflict(String kind, String detail) {
        return Problem.of(kind, "Conflict", 409, detail);
    }

    private static Problem unprocessable(String kind, String detail) {
        return Problem.of(kind, "Unprocessable request", 422, detail);
    }

    private static Duration retryAfter(Throwable failure) {
        if (failure instanceof RateLimitedException limited) {
            return limited.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof MemberBusy busy) {
            return busy.retryAfter();
        }
        return DEFAULT_RETRY_AFTER;
    }
}
