package dev.cwlifecycle.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.cwlifecycle.store.Claim;
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;
import dev.cwlifecycle.store.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a caller's request at most once per idempotency key: a replay gets the stored response with
 * {@code Idempotent-Replayed: true}; the same key still running is 409; the key reused for another payload is 422.
 * Only successes are stored: a refusal or failure releases the key, so a corrected retry runs afresh.
 */
@ApplicationScoped
public class IdempotentRequests {

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final Clock clock;

    @Inject
    public IdempotentRequests(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse run(IdempotencyKey key, String canonicalPayload,
                                        Supplier<APIGatewayV2HTTPResponse> work) {
        String hash = IdempotencyStore.payloadHash(canonicalPayload);
        Claim claim = store.begin(key, hash, clock.instant());
        if (claim instanceof Claim.Completed completed) {
            return replay(completed.response());
        }
        if (claim instanceof Claim.InProgress inProgress) {
            throw stillRunning("A request with this idempotency key", inProgress);
        }
        if (claim instanceof Claim.PayloadMismatch) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This idempotency key was used for a different request; use a new key for a new request");
        }
        return runOnce(key, (Claim.Started) claim, hash, work);
    }

    /**
     * Runs {@code work} while holding {@code key} alone and stores nothing: a lease in the idempotency table, e.g.
     * one provision per email. Released when the work ends; a holder that crashed loses it when its IN_PROGRESS
     * record expires with the function timeout. 409 {@code in-progress} while {@code holder} holds it.
     */
    public <T> T exclusively(IdempotencyKey key, String holder, Supplier<T> work) {
        Claim claim = store.begin(key, IdempotencyStore.payloadHash(key.operation()), clock.instant());
        if (!(claim instanceof Claim.Started started)) {
            // the one payload every holder claims with never completes nor mismatches: the key is held
            throw stillRunning(holder, claim instanceof Claim.InProgress inProgress ? inProgress : null);
        }
        try {
            return work.get();
        } finally {
            abandon(key, started);
        }
    }

    private static ProblemException stillRunning(String holder, Claim.InProgress inProgress) {
        return ProblemException.conflict("in-progress", holder + " is still running; retry "
                + (inProgress == null ? "shortly" : "after " + inProgress.until()));
    }

    private APIGatewayV2HTTPResponse runOnce(IdempotencyKey key, Claim.Started started, String hash,
                                             Supplier<APIGatewayV2HTTPResponse> work) {
        APIGatewayV2HTTPResponse response;
        try {
            response = work.get();
        } catch (RuntimeException failure) {
            abandon(key, started);
            throw failure;
        }
        if (response.getStatusCode() >= 200 && response.getStatusCode() < 300) {
            complete(key, started, hash, response);
        } else {
            abandon(key, started);
        }
        return response;
    }

    /**
     * The work is done: the caller gets the answer even if its record can't be stored. Then the key is released,
     * so a retry runs afresh (and finds the work done) instead of waiting out the IN_PROGRESS expiry.
     */
    private void complete(IdempotencyKey key, Claim.Started started, String hash, APIGatewayV2HTTPResponse response) {
        try {
            if (!store.complete(key, started, hash, new StoredResponse(response.getStatusCode(),
                    response.getHeaders(), response.getBody()), clock.instant())) {
                LOG.warnf("a %s outlived its idempotency claim; the attempt that took the key over keeps it",
                        key.operation());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not store the idempotency record of a completed %s; releasing its key",
                    key.operation());
            abandon(key, started);
        }
    }

    private void abandon(IdempotencyKey key, Claim.Started started) {
        try {
            store.abandon(key, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not release the idempotency key of a %s; a retry waits for its expiry",
                    key.operation());
        }
    }

    private static APIGatewayV2HTTPResponse replay(StoredResponse stored) {
        Map<String, String> headers = new LinkedHashMap<>(stored.headers());
        headers.put(REPLAYED_HEADER, "true");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(stored.status()).withHeaders(headers)
                .withBody(stored.body()).build();
    }
}
