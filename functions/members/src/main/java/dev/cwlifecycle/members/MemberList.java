package dev.cwlifecycle.members;

import dev.cwlifecycle.store.DirectoryPage;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The answer of {@code GET /members}: the members found, and the cursor of the next page when there is one. */
@RegisterForReflection
public record MemberList(List<MemberView> members, String nextCursor) {

    static MemberList of(MemberView member) {
        return new MemberList(List.of(member), null);
    }

    static MemberList of(DirectoryPage page, String tenant) {
        return new MemberList(page.rows().stream().map(MemberView::of).toList(),
                page.lastMemberId().map(after -> DirectoryCursor.of(tenant, after)).orElse(null));
    }
}
