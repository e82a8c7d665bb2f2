package dev.cwlifecycle.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Idempotency records: one attempt per key runs at a time, a completed one is replayed, a failed one
 * is forgotten so the client can retry.
 */
public interface IdempotencyStore {

    /** Claims the key for this attempt, or says why it cannot run; {@code payloadHash} from {@link #payloadHash}. */
    Claim begin(IdempotencyKey key, String payloadHash, Instant now);

    /** Stores the response of a {@link Claim.Started} attempt for replay. */
    void complete(IdempotencyKey key, String payloadHash, StoredResponse response, Instant now);

    /** The attempt failed: drop its IN_PROGRESS record so a retry can run. A completed record is kept. */
    void abandon(IdempotencyKey key);

    /** SHA-256, lower-case hex, of the request in a canonical form chosen by the caller. */
    static String payloadHash(String canonicalPayload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
