package dev.cwlifecycle.members;

import dev.cwlifecycle.connectwise.ConnectWiseClients;
import dev.cwlifecycle.connectwise.error.NotFoundException;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.lifecycle.exceptions.MemberDeleted;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotFound;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.DirectoryLookup;
import dev.cwlifecycle.store.DirectoryPage;
import dev.cwlifecycle.store.DirectoryRow;
import dev.cwlifecycle.store.MemberDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Members as the directory knows them, with no ConnectWise request; or, asked for {@code fresh}, as ConnectWise knows
 * them now (one request), the row refreshed on the way under the callbacks' rule: only if newer, and never with a
 * stamp beyond the allowed skew ahead of ConnectWise's clock and ours.
 */
@ApplicationScoped
public class MemberReads {

    private static final Logger LOG = Logger.getLogger(MemberReads.class);
    /** The row to answer with when several hold one identifier (renamed members): the newest that is not deleted. */
    private static final Comparator<DirectoryRow> PREFERRED = Comparator
            .comparing((DirectoryRow row) -> !row.entry().deleted())
            .thenComparing(row -> row.entry().lastUpdated(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final DirectoryLookup lookup;
    private final MemberDirectory directory;
    private final ConnectWiseClients connectWise;

    @Inject
    public MemberReads(DirectoryLookup lookup, MemberDirectory directory, ConnectWiseClients connectWise) {
        this.lookup = lookup;
        this.directory = directory;
        this.connectWise = connectWise;
    }

    MemberView byIdentifier(String tenant, String identifier, boolean fresh) {
        String named = "with identifier '" + identifier + "'";
        if (fresh) {
            return refreshed(tenant, connectWise.forTenant(tenant).findByIdentifier(identifier)
                    .orElseThrow(() -> new MemberNotFound(named)), named);
        }
        return present(lookup.rowsByIdentifier(tenant, identifier).stream().max(PREFERRED), named);
    }

    MemberView byMemberId(String tenant, long memberId, boolean fresh) {
        String named = "with id " + memberId;
        if (fresh) {
            try {
                return refreshed(tenant, connectWise.forTenant(tenant).member(memberId), named);
            } catch (NotFoundException gone) {
                throw new MemberNotFound(named);
            }
        }
        return present(lookup.row(tenant, memberId), named);
    }

    /** ConnectWise does not keep office emails unique: every member that has it, tombstones left out. */
    List<MemberView> byEmail(String tenant, String email) {
        List<DirectoryRow> rows = lookup.rowsByEmail(tenant, email);
        List<MemberView> members = rows.stream().filter(row -> !row.entry().deleted())
                .sorted(Comparator.comparingLong(row -> row.entry().memberId())).map(MemberView::of).toList();
        if (members.isEmpty()) {
            present(rows.stream().max(PREFERRED), "with office email '" + email + "'");
        }
        return members;
    }

    DirectoryPage page(String tenant, Optional<Boolean> active, int limit, Optional<Long> after) {
        return lookup.page(tenant, active, limit, after);
    }

    /** The row as a member; a tombstone or a row with no member data yet (only flagged pending) is not one. */
    private static MemberView present(Optional<DirectoryRow> row, String named) {
        DirectoryEntry entry = row.map(DirectoryRow::entry).filter(found -> found.identifier() != null)
                .orElseThrow(() -> new MemberNotFound(named));
        if (entry.deleted()) {
            throw new MemberDeleted(entry.memberId(), entry.identifier());
        }
        return MemberView.of(row.get());
    }

    /** The member ConnectWise gave, stored if newer; answered as stored, which a racing newer write may have won. */
    private MemberView refreshed(String tenant, Member member, String named) {
        DirectoryEntry entry = DirectoryEntry.of(tenant, member, DirectoryEntry.Source.READ);
        if (connectWise.forTenant(tenant).siteClock().isFutureDated(entry.lastUpdated())) {
            LOG.warnf("member %d is stamped %s, beyond the allowed skew ahead of ConnectWise's clock and ours; not "
                    + "stored", member.id(), entry.lastUpdated());
        } else {
            directory.upsertIfNewer(entry);
        }
        return present(lookup.row(tenant, member.id()).or(() -> Optional.of(new DirectoryRow(entry, null))), named);
    }
}
