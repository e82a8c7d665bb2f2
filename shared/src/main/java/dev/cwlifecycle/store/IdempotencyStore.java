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

    /**
     * Stores the response of the {@code started} attempt for replay; false when the attempt no longer holds the
     * key (it outlived its IN_PROGRESS expiry and another attempt took the key over), which is then left alone.
     */
    boolean complete(IdempotencyKey key, Claim.Started started, String payloadHash, StoredResponse response, Instant now);

    /**
     * The attempt failed: drop its IN_PROGRESS record so a retry can run; false when there was none to drop
     * (completed, gone, or another attempt's), which is then left alone.
     */
    boolean abandon(IdempotencyKey key, Claim.Started started);

    /**
     * A lease's holder is done: its record becomes a mark, claimable at once, that tells the next claimer when
     * ({@link Claim.Started#released}); false when the holder no longer held the key.
     */
    boolean release(IdempotencyKey key, Claim.Started started, Instant now);

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
