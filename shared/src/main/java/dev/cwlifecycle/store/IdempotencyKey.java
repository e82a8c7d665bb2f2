package dev.cwlifecycle.store;

/**
 * What makes two requests "the same": the tenant, the operation and the caller's key (the
 * {@code Idempotency-Key} header, else the ticket id). Invalid keys are refused without echoing them.
 */
public record IdempotencyKey(String tenant, String operation, String clientKey) {

    public static final int MAX_CLIENT_KEY_LENGTH = 255;

    public IdempotencyKey {
        requireName("tenant", tenant);
        requireName("operation", operation);
        if (clientKey == null || clientKey.isBlank()) {
            throw new IllegalArgumentException("Idempotency key must not be blank");
        }
        if (clientKey.length() > MAX_CLIENT_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "Idempotency key is " + clientKey.length() + " characters long; at most " + MAX_CLIENT_KEY_LENGTH + " are allowed");
        }
        if (clientKey.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Idempotency key must not contain control characters");
        }
    }

    /** The record's partition key; tenant and operation carry no '#', so distinct keys never collide. */
    String id() {
        return tenant + '#' + operation + '#' + clientKey;
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank() || value.indexOf('#') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Idempotency " + what + " must be a non-blank name without '#' or control characters");
        }
    }
}
