package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.store.DirectoryEntry;
import dev.cwlifecycle.store.MemberDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * After a write of ours, the member's directory row as ConnectWise answered the write, so the directory's readers
 * (SCIM's filters above all: an identity provider looks a user up right after creating it) see the change before
 * ConnectWise's callback arrives. Only if newer, like every directory write; and never a reason to fail a
 * ConnectWise write that succeeded: the callback or the next sync writes the row then.
 */
@ApplicationScoped
public class DirectoryRefresh {

    private static final Logger LOG = Logger.getLogger(DirectoryRefresh.class);

    private final MemberDirectory directory;

    @Inject
    public DirectoryRefresh(MemberDirectory directory) {
        this.directory = directory;
    }

    void record(String tenant, Member member, DirectoryEntry.Source source) {
        if (member.id() == null || member.lastUpdated() == null) {
            return;
        }
        try {
            directory.upsertOurWrite(DirectoryEntry.of(tenant, member, source));
        } catch (RuntimeException unavailable) {
            LOG.warnf("directory row of member %d not refreshed after our write (%s); the callback or the next "
                    + "sync writes it", member.id(), unavailable.toString());
        }
    }
}
