package dev.cwlifecycle.provision;

import dev.cwlifecycle.gateway.ProblemException;
import dev.cwlifecycle.store.Claim;
import dev.cwlifecycle.store.IdempotencyKey;
import dev.cwlifecycle.store.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One provision per office email at a time, whatever idempotency key each request carries. Whether ConnectWise
 * refuses a second member with the same office email is unverified, so two requests for one person that plan at
 * the same moment could each see nobody and each create a member (a paid seat). The lease is a claim in the
 * idempotency table on the email's SHA-256, held around plan and create and released when the provision ends;
 * a holder that crashed loses it when its IN_PROGRESS record expires with the function timeout.
 */
@ApplicationScoped
public class OfficeEmailLease {

    static final String OPERATION = "provision-email";
    private static final Logger LOG = Logger.getLogger(OfficeEmailLease.class);
    /** Every holder claims the same "payload": the lease is about the email alone. */
    private static final String HELD = IdempotencyStore.payloadHash(OPERATION);

    private final IdempotencyStore store;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public OfficeEmailLease(IdempotencyStore store) {
        this.store = store;
    }

    /** Runs {@code provision} holding the email's lease; 409 {@code in-progress} while another provision holds it. */
    public <T> T holding(String tenant, String email, Supplier<T> provision) {
        IdempotencyKey key = key(tenant, email);
        Claim claim = store.begin(key, HELD, clock.instant());
        if (!(claim instanceof Claim.Started started)) {
            String until = claim instanceof Claim.InProgress held ? " after " + held.until() : " shortly";
            throw ProblemException.conflict("in-progress",
                    "Another provision for this email is running; retry" + until);
        }
        try {
            return provision.get();
        } finally {
            release(key, started);
        }
    }

    static IdempotencyKey key(String tenant, String email) {
        return new IdempotencyKey(tenant, OPERATION, emailHash(email));
    }

    /** How an email stands in a DynamoDB key: its SHA-256, so no address outlives the request there. */
    static String emailHash(String email) {
        return IdempotencyStore.payloadHash(email.toLowerCase(Locale.ROOT));
    }

    private void release(IdempotencyKey key, Claim.Started started) {
        try {
            store.abandon(key, started);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not release an office email lease; the next provision for that email waits for "
                    + "its expiry");
        }
    }
}
