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
import dev.cwlifecycle.gateway.exceptions.BodyNotAnObject;
import dev.cwlifecycle.gateway.exceptions.BodyTooLarge;
import dev.cwlifecycle.gateway.exceptions.CallbackNotApplied;
import dev.cwlifecycle.gateway.exceptions.ForeignCompany;
import dev.cwlifecycle.gateway.exceptions.KeyUrlRefused;
import dev.cwlifecycle.gateway.exceptions.SignatureRefused;
import dev.cwlifecycle.gateway.exceptions.SigningKeyUnavailable;
import dev.cwlifecycle.gateway.exceptions.ScimRequestInvalid;
import dev.cwlifecycle.gateway.exceptions.ScimTokenRefused;
import dev.cwlifecycle.gateway.exceptions.TenantForbidden;
import dev.cwlifecycle.lifecycle.exceptions.CreateUnsettled;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetInvalid;
import dev.cwlifecycle.lifecycle.exceptions.HandoverTargetUnknown;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierTaken;
import dev.cwlifecycle.lifecycle.exceptions.IdentifierUnderivable;
import dev.cwlifecycle.lifecycle.exceptions.IdentifiersExhausted;
import dev.cwlifecycle.lifecycle.exceptions.MemberBusy;
import dev.cwlifecycle.lifecycle.exceptions.MemberConflict;
import dev.cwlifecycle.lifecycle.exceptions.MemberDeleted;
import dev.cwlifecycle.lifecycle.exceptions.MemberExists;
import dev.cwlifecycle.lifecycle.exceptions.MemberInactive;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotOurs;
import dev.cwlifecycle.lifecycle.exceptions.OfficeEmailHeld;
import dev.cwlifecycle.lifecycle.exceptions.UnknownReference;
import dev.cwlifecycle.lifecycle.exceptions.UnknownSecurityRole;
import dev.cwlifecycle.store.DynamoDbOutage;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a failure becomes a response: the edge's own refusals keep their problem; what the lifecycle
 * core ({@code dev.cwlifecycle.lifecycle.exceptions}), a callback's authentication or the body reading
 * ({@code gateway.exceptions}) refuses gets its status and type from one table here; ConnectWise, Secrets
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
        return respond(failure, correlationId, ProblemFormat.PROBLEM_JSON);
    }

    public static APIGatewayV2HTTPResponse respond(Throwable failure, String correlationId, ProblemFormat format) {
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
        return format.write(problem, headers);
    }

    static Problem problemFor(Throwable failure) {
        if (failure instanceof ProblemException refused) {
            return refused.problem();
        }
        Optional<Problem> domain = domainProblem(failure);
        if (domain.isPresent()) {
            return domain.get();
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

    /** A domain refusal's problem, before its detail: one row per exception class. */
    private record Kind(String kind, String title, int status) {
    }

    private static final Kind CONFLICT = new Kind(null, "Conflict", 409);
    private static final Kind UNPROCESSABLE = new Kind(null, "Unprocessable request", 422);
    private static final Kind NOT_FOUND = new Kind(null, "Not found", 404);
    /** 401 tells ConnectWise (or whoever forged the call) nothing beyond "not accepted". */
    private static final Kind CALLBACK_REFUSED = new Kind(null, "Callback not accepted", 401);
    /** 429 is the only status after which ConnectWise redelivers: every "we could not take it now" is one. */
    private static final Kind CALLBACK_LATER = new Kind(null, "Try again later", 429);

    private static final Map<Class<? extends RuntimeException>, Kind> KINDS = Map.ofEntries(
            entry(MemberExists.class, "member-exists", CONFLICT),
            entry(MemberInactive.class, "member-inactive", CONFLICT),
            entry(MemberNotOurs.class, "member-not-ours", CONFLICT),
            entry(OfficeEmailHeld.class, "email-taken", CONFLICT),
            entry(IdentifierTaken.class, "identifier-taken", CONFLICT),
            entry(IdentifiersExhausted.class, "identifier-exhausted", CONFLICT),
            entry(MemberBusy.class, "in-progress", CONFLICT),
            entry(IdentifierUnderivable.class, "identifier-underivable", UNPROCESSABLE),
            entry(UnknownSecurityRole.class, "unknown-role", UNPROCESSABLE),
            entry(UnknownReference.class, "unknown-reference", UNPROCESSABLE),
            entry(HandoverTargetUnknown.class, "handover-member-unknown", UNPROCESSABLE),
            entry(HandoverTargetInvalid.class, "handover-member-invalid", UNPROCESSABLE),
            entry(MemberNotFound.class, "member-not-found", NOT_FOUND),
            entry(MemberDeleted.class, "member-not-found", NOT_FOUND),
            entry(CreateUnsettled.class, "connectwise-unsettled", new Kind(null, "ConnectWise unavailable", 503)),
            entry(TenantForbidden.class, "tenant-forbidden", new Kind(null, "Forbidden", 403)),
            entry(ScimTokenRefused.class, "unauthenticated", new Kind(null, "Unauthenticated", 401)),
            entry(ScimRequestInvalid.class, "scim-request", new Kind(null, "Bad SCIM request", 400)),
            entry(ForeignCompany.class, "callback-company", CALLBACK_REFUSED),
            entry(KeyUrlRefused.class, "callback-key-url", CALLBACK_REFUSED),
            entry(SignatureRefused.class, "callback-signature", CALLBACK_REFUSED),
            entry(SigningKeyUnavailable.class, "callback-key-unavailable", CALLBACK_LATER),
            entry(CallbackNotApplied.class, "callback-not-applied", CALLBACK_LATER),
            entry(BodyTooLarge.class, "payload-too-large", new Kind(null, "Payload too large", 413)),
            entry(BodyNotAnObject.class, "malformed-json", new Kind(null, "Bad request", 400)));

    private static Map.Entry<Class<? extends RuntimeException>, Kind> entry(Class<? extends RuntimeException> type,
                                                                          String kind, Kind like) {
        return Map.entry(type, new Kind(kind, like.title(), like.status()));
    }

    /** What the lifecycle core or a callback's authentication refused, with the member or fields it is about. */
    private static Optional<Problem> domainProblem(Throwable failure) {
        Kind kind = KINDS.get(failure.getClass());
        if (kind == null) {
            return Optional.empty();
        }
        Problem problem = Problem.of(kind.kind(), kind.title(), kind.status(), failure.getMessage());
        if (failure instanceof MemberConflict conflict) {
            problem = problem.with("memberId", conflict.memberId()).with("identifier", conflict.identifier());
            if (failure instanceof MemberDeleted) {
                problem = problem.with("deleted", true);
            }
        } else if (failure instanceof UnknownSecurityRole role) {
            problem = problem.with("validRoles", role.validRoles());
        } else if (failure instanceof ScimRequestInvalid scim) {
            problem = problem.with("scimType", scim.scimType());
        } else if (failure instanceof UnknownReference unknown) {
            problem = problem.withErrors(unknown.fields().stream()
                    .map(field -> new InvalidField(field.field(), field.message())).toList());
        }
        return Optional.of(problem);
    }

    /** True when {@code failure} is the caller's to fix or to retry (a 4xx), not ours (a 5xx). */
    public static boolean isRefusal(Throwable failure) {
        return problemFor(failure).status() < 500;
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
