package dev.cwlifecycle.lifecycle;

import dev.cwlifecycle.connectwise.ConnectWiseClient;
import dev.cwlifecycle.connectwise.model.Member;
import dev.cwlifecycle.lifecycle.exceptions.MemberNotOurs;

import java.util.Optional;

/**
 * A POST /system/members that got no answer (timeout, dropped connection, 5xx) may or may not have created the
 * member. Before anything else the member is looked up by the identifier that was sent. It is adopted only when
 * it is the member that was sent: same identifier and office email, and the ticket's line in its notes when a
 * ticket asked. Anyone else holding the identifier is a conflict: their member is never claimed.
 */
final class UnansweredCreate {

    private UnansweredCreate() {
    }

    /** The member this create made, or empty when nobody holds the identifier (the create did not happen). */
    static Optional<Member> settle(ConnectWiseClient client, Member sent, TicketReference ticket) {
        Optional<Member> holder = client.findByIdentifier(sent.identifier());
        if (holder.isEmpty() || isTheOneSent(holder.get(), sent, ticket)) {
            return holder;
        }
        Member other = holder.get();
        throw new MemberNotOurs(sent.identifier(), other.id(), other.identifier());
    }

    private static boolean isTheOneSent(Member found, Member sent, TicketReference ticket) {
        return sent.identifier().equalsIgnoreCase(found.identifier())
                && sent.officeEmail().equalsIgnoreCase(found.officeEmail())
                && (ticket == null || MemberNotes.carries(found.notes(), sent.notes()));
    }
}
