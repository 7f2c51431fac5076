package fr.relais.hub.supportline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence port for tickets (implemented in {@code store/}). */
public interface TicketStore {
    String newId();

    /** The next ticket number, atomically (unique across hub nodes). */
    long nextNumber();

    void insert(Ticket ticket);

    Optional<Ticket> findById(String id);

    /** Ids of tickets opened with this attachment. */
    java.util.Set<String> idsWithAttachment(String fileId);

    /**
     * Writes {@code next} only if the stored ticket is still at {@code next.version() - 1}: one atomic
     * conditional write, so of two concurrent changes computed from the same version exactly one lands.
     *
     * @return false when someone else wrote first (re-read and decide again)
     */
    boolean replace(Ticket next);

    List<Ticket> search(TicketQuery query);

    /** Active tickets whose next alert is due at {@code now}, most overdue first. */
    List<Ticket> dueForAlert(Instant now, int limit);

    /** Resolved tickets whose auto-close time has come. */
    List<Ticket> dueForAutoClose(Instant now, int limit);

    /** Tickets opened in [from, to), optionally of one federation or category; at most {@code limit}. */
    List<TicketFigures> openedBetween(Instant from, Instant to, @Nullable String federation, @Nullable String category,
                                      int limit);

    /** Active (new, open, waiting) tickets, at most {@code limit}. */
    List<TicketFigures> backlog(@Nullable String federation, @Nullable String category, int limit);

    /** Active tickets with their queue and assignee, for queue counts; at most {@code limit}. */
    List<Ticket> activeTickets(int limit);
}
