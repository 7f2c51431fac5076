package fr.relais.hub.supportline;

import fr.relais.hub.identity.User;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A ticket with its whole conversation, as one document, for the export button (and for the data
 * export of the GDPR work). Built from the same audience rules as everything else: the requester side's
 * transcript has no internal note and no internal transition.
 */
@Service
public class TicketTranscripts {
    /** @param staffView whether the transcript includes internal notes and staff-only fields */
    public record Transcript(Ticket ticket, List<TicketPost> posts, boolean staffView) {
    }

    private final TicketAccess access;
    private final TicketPostStore posts;

    TicketTranscripts(TicketAccess access, TicketPostStore posts) {
        this.access = access;
        this.posts = posts;
    }

    public Transcript of(User me, String ticketId) {
        Ticket ticket = access.requireView(me, ticketId);
        boolean staff = access.isStaff(me);
        return new Transcript(ticket, posts.list(ticket.id(), staff, TicketConversation.MAX_POSTS), staff);
    }
}
