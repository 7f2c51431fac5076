package fr.relais.hub.supportline;

import java.util.List;
import java.util.Set;

/** Persistence port for ticket replies and notes (implemented in {@code store/}). */
public interface TicketPostStore {
    String newId();

    /**
     * Stores the post, unless its author already stored one with the same clientMessageId (a resend):
     * then returns that one.
     */
    TicketPost insert(TicketPost post);

    /** A ticket's posts, oldest first; internal notes only when {@code includeInternal}. */
    List<TicketPost> list(String ticketId, boolean includeInternal, int limit);

    /** Ids of tickets with a post carrying this attachment; internal notes only when {@code includeInternal}. */
    Set<String> ticketIdsWithAttachment(String fileId, boolean includeInternal);

    /** Ids of tickets with a post containing {@code text} (case-insensitive); notes only when {@code includeInternal}. */
    Set<String> ticketIdsMatching(String text, boolean includeInternal, int limit);
}
