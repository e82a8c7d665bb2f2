package dev.cwlifecycle.callback;

import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.ConnectWiseJson;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import dev.cwlifecycle.store.UpsertOutcome;
import dev.cwlifecycle.gateway.exceptions.CallbackNotApplied;
import dev.cwlifecycle.lambda.Correlation;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies an authentic member callback to the directory. The signed {@code Entity} is the member as of its
 * {@code _info.lastUpdated}, so it is upserted if newer with no ConnectWise call. The member is re-read by id only
 * when the Entity is missing or unusable, or when it ties the stored data to the second with different content
 * (ConnectWise stamps whole seconds, so only ConnectWise knows which came last). A re-read is flagged pending first,
 * so a failed, slow or interrupted one still leaves the member for the next sync; when the directory refused the flag
 * too, nothing is recorded and ConnectWise is asked to redeliver (429). An Entity stamped beyond the allowed skew
 * ahead of ConnectWise's clock and ours is never stored: the member is re-read instead.
 */
@ApplicationScoped
public class MemberCallbacks {

    private static final Logger LOG = Logger.getLogger(MemberCallbacks.class);

    private final MemberDirectory directory;
    private final ConnectWiseClients connectWise;
    private final CallbackConfig config;
    private final Clock clock;
    private final ExecutorService rereads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "callback-reread");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public MemberCallbacks(MemberDirectory directory, ConnectWiseClients connectWise, CallbackConfig config,
                           Clock clock) {
        this.directory = directory;
        this.connectWise = connectWise;
        this.config = config;
        this.clock = clock;
    }

    CallbackOutcome apply(String tenant, CallbackPayload callback, AnswerDeadline deadline) {
        return switch (callback.action()) {
            case "added", "updated" -> upsert(tenant, callback, deadline);
            case "deleted" -> delete(tenant, callback.id());
            default -> CallbackOutcome.IGNORED;
        };
    }

    @PreDestroy
    void close() {
        rereads.shutdownNow();
    }

    private CallbackOutcome upsert(String tenant, CallbackPayload callback, AnswerDeadline deadline) {
        Optional<Member> signed = member(callback);
        if (signed.isEmpty()) {
            return reread(tenant, callback.id(), clock.instant(), deadline);
        }
        DirectoryEntry entry = DirectoryEntry.of(tenant, signed.get(), DirectoryEntry.Source.CALLBACK);
        if (connectWise.forTenant(tenant).siteClock().isFutureDated(entry.lastUpdated())) {
            // stored, it would make every later change look older: "unchanged" until someone noticed
            LOG.warnf("member %d's callback is stamped %s, beyond the allowed skew ahead of ConnectWise's clock and "
                    + "ours; re-reading the member instead of storing it", callback.id(), entry.lastUpdated());
            return reread(tenant, callback.id(), clock.instant(), deadline);
        }
        if (directory.upsertIfNewer(entry) == UpsertOutcome.UPSERTED) {
            return CallbackOutcome.APPLIED;
        }
        Optional<DirectoryEntry> stored = directory.get(tenant, callback.id());
        if (stored.isPresent() && tiesWithOtherData(stored.get(), entry)) {
            // the flag must be later than the stored second, or the directory refuses it as "already as new"
            return reread(tenant, callback.id(), entry.lastUpdated().plusSeconds(1), deadline);
        }
        return CallbackOutcome.UNCHANGED;
    }

    private CallbackOutcome reread(String tenant, long memberId, Instant flagAt, AnswerDeadline deadline) {
        boolean marked = directory.markPending(tenant, memberId, flagAt);
        Optional<Member> current = currentMember(tenant, memberId, deadline.bound(config.rereadTimeout()));
        if (current.isEmpty() || current.get().lastUpdated() == null) {
            if (!marked) {
                // stored data stamped at or after the flag (e.g. a clock ahead of ours) refused it: nothing recorded
                LOG.warnf("member %d could not be re-read nor flagged pending; ConnectWise is asked to redeliver",
                        memberId);
                throw new CallbackNotApplied(null);
            }
            return CallbackOutcome.PENDING;
        }
        UpsertOutcome outcome = directory.upsertIfNewer(
                DirectoryEntry.of(tenant, current.get(), DirectoryEntry.Source.CALLBACK));
        return outcome == UpsertOutcome.UPSERTED ? CallbackOutcome.APPLIED : CallbackOutcome.UNCHANGED;
    }

    /** ConnectWise never reuses an id, so a delete is later than anything stored, whatever our clock says. */
    private CallbackOutcome delete(String tenant, long memberId) {
        Instant now = clock.instant();
        if (!directory.tombstone(tenant, memberId, now)) {
            Instant stored = directory.get(tenant, memberId).map(DirectoryEntry::lastUpdated).orElse(now);
            directory.tombstone(tenant, memberId, stored);
        }
        return CallbackOutcome.DELETED;
    }

    /** The member, within {@code timeout}; empty (and logged) when ConnectWise could not give it in time. */
    private Optional<Member> currentMember(String tenant, long memberId, Duration timeout) {
        if (timeout.isZero()) {
            LOG.warnf("no time left to re-read member %d before the answer is due", memberId);
            return Optional.empty();
        }
        String correlationId = Correlation.current();
        Future<Member> read = rereads.submit(() -> {
            try (Correlation correlation = Correlation.of(correlationId)) {
                return connectWise.forTenant(tenant).member(memberId);
            }
        });
        try {
            return Optional.of(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            read.cancel(true);
            LOG.warnf("re-reading member %d took longer than %s; left pending for the next sync", memberId, timeout);
        } catch (ExecutionException e) {
            LOG.warnf("re-reading member %d failed (%s); left pending for the next sync", memberId,
                    e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The signed Entity when it is this member with a lastUpdated; empty when it cannot be used as is. */
    private static Optional<Member> member(CallbackPayload callback) {
        if (callback.entity() == null) {
            return Optional.empty();
        }
        try {
            Member member = ConnectWiseJson.MAPPER.readValue(callback.entity(), Member.class);
            boolean usable = member != null && member.id() != null && member.id() == callback.id()
                    && member.lastUpdated() != null;
            return usable ? Optional.of(member) : Optional.empty();
        } catch (IOException | DateTimeParseException unusable) {
            return Optional.empty();
        }
    }

    private static boolean tiesWithOtherData(DirectoryEntry stored, DirectoryEntry signed) {
        return !stored.deleted() && signed.lastUpdated().equals(stored.lastUpdated())
                && !stored.sameMemberData(signed);
    }
}
