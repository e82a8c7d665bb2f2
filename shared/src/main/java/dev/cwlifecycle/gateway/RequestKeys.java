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

    public static IdempotencyKey key(String tenant, String operation, String clientKey) {
        return new IdempotencyKey(tenant, operation, clientKey);
    }
}
