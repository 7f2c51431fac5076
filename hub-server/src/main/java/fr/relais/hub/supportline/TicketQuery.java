package fr.relais.hub.supportline;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket list asks the store for. Null fields do not filter.
 *
 * @param assigneeId  a staff user's id, or {@link #UNASSIGNED} for tickets nobody holds
 * @param text        matched (case-insensitive, literally) against subject and description...
 * @param orTicketIds ...or the ticket is one of these (tickets whose visible conversation matched)
 */
public record TicketQuery(@Nullable String federation, Set<TicketStatus> statuses, @Nullable String category,
                          @Nullable Priority priority, @Nullable String queue, @Nullable String assigneeId,
                          @Nullable String text, @Nullable Set<String> orTicketIds, Sort sort, int offset, int limit) {

    public static final String UNASSIGNED = "none";

    /**
     * WAITING: longest-waiting first (tickets whose ball is on the requester's side last);
     * PRIORITY: most pressing first, then oldest; CREATED and UPDATED: newest first.
     */
    public enum Sort { WAITING, PRIORITY, CREATED, UPDATED }

    public TicketQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
