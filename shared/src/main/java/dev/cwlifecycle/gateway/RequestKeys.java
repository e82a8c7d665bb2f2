package dev.cwlifecycle.gateway;

import dev.cwlifecycle.lifecycle.TicketReference;
import dev.cwlifecycle.people.OfficeEmail;
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;

import java.util.List;
import java.util.Optional;

/** The caller's idempotency key: the {@code Idempotency-Key} header, else the ticket that asked. */
public final class RequestKeys {

    public static final String HEADER = "Idempotency-Key";

    private RequestKeys() {
    }

    public static Optional<String> clientKey(GatewayRequest request, TicketReference ticket) {
        Optional<String> header = request.header(HEADER);
        if (header.isPresent()) {
            String key = header.get();
            if (key.isBlank() || key.length() > IdempotencyKey.MAX_CLIENT_KEY_LENGTH
                    || key.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.invalid(List.of(new InvalidField(HEADER, "must be 1 to "
                        + IdempotencyKey.MAX_CLIENT_KEY_LENGTH + " characters without control characters")));
            }
            return header;
        }
        return Optional.ofNullable(ticket).map(t -> "ticket:" + t.system() + ":" + t.id());
    }

    /** How an email stands in a DynamoDB key: the SHA-256 of the person's form, so no address outlives a request. */
    public static String emailHash(String email) {
        return IdempotencyStore.payloadHash(OfficeEmail.key(email));
    }

    /**
     * One provision per office email at a time, whatever idempotency key each request carries. Whether ConnectWise
     * refuses a second member with the same office email is unverified, so two requests for one person that plan
     * at the same moment could each see nobody and each create a member (a paid seat).
     */
    public static IdempotencyKey officeEmailLease(String tenant, String email) {
        return new IdempotencyKey(tenant, "provision-email", emailHash(email));
    }

    /**
     * The key of a request that carries none of its own: identical requests for one email are one request (retries
     * and duplicates); a different request for the same email is not a misuse of a key, so it runs and finds the
     * existing member. The email stands in the key as its SHA-256: no address in a DynamoDB key.
     */
    public static String personKey(String email, String canonicalPayload) {
        return "email:" + emailHash(email) + ":" + IdempotencyStore.payloadHash(canonicalPayload).substring(0, 16);
    }

    public static IdempotencyKey key(String tenant, String operation, String clientKey) {
        return new IdempotencyKey(tenant, operation, clientKey);
    }
}
