package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A support ticket as stored: one MongoDB document (see {@code store.MongoTicketStore}).
 *
 * @param number              short human number, unique and increasing ("#42")
 * @param federation          the requester's federation code, filled in from the requester
 * @param queue               the staff queue it sits in (from its category, then by transfer)
 * @param firstResponseAt     first public reply by staff
 * @param firstResponseMillis handling time until then (pauses excluded)
 * @param resolutionMillis    handling time until the latest resolution (pauses excluded)
 * @param waitingSince        since when the requester side waits for staff; null when the ball is on their side
 * @param nextAlertAt         next instant a response-time alert is due (null when none is pending or timers are paused)
 * @param autoCloseAt         when a resolved ticket closes by itself
 * @param history             every transition, oldest first
 * @param version             incremented by every write; writes are compare-and-set on it
 */
public record Ticket(String id, long number, String federation, UserRef requester, String subject, String description,
                     String category, Priority urgency, Priority priority, String queue, TicketStatus status,
                     @Nullable UserRef assignee, List<Attachment> attachments, Instant createdAt, Instant updatedAt,
                     @Nullable Instant firstResponseAt, @Nullable Long firstResponseMillis,
                     @Nullable Instant resolvedAt, @Nullable Long resolutionMillis, @Nullable Instant closedAt,
                     @Nullable Instant waitingSince, SlaClock sla, @Nullable Instant nextAlertAt,
                     @Nullable Instant autoCloseAt, @Nullable Satisfaction satisfaction, List<Transition> history,
                     long version) {

    public Ticket {
        attachments = List.copyOf(attachments);
        history = List.copyOf(history);
    }

    public Change change() {
        return new Change(this);
    }

    /** A copy being changed; {@link #build()} gives the next version. */
    public static final class Change {
        private final Ticket from;
        TicketStatus status;
        Priority priority;
        String queue;
        @Nullable UserRef assignee;
        Instant updatedAt;
        @Nullable Instant firstResponseAt;
        @Nullable Long firstResponseMillis;
        @Nullable Instant resolvedAt;
        @Nullable Long resolutionMillis;
        @Nullable Instant closedAt;
        @Nullable Instant waitingSince;
        SlaClock sla;
        @Nullable Instant nextAlertAt;
        @Nullable Instant autoCloseAt;
        @Nullable Satisfaction satisfaction;
        final List<Transition> history;

        private Change(Ticket t) {
            this.from = t;
            status = t.status;
            priority = t.priority;
            queue = t.queue;
            assignee = t.assignee;
            updatedAt = t.updatedAt;
            firstResponseAt = t.firstResponseAt;
            firstResponseMillis = t.firstResponseMillis;
            resolvedAt = t.resolvedAt;
            resolutionMillis = t.resolutionMillis;
            closedAt = t.closedAt;
            waitingSince = t.waitingSince;
            sla = t.sla;
            nextAlertAt = t.nextAlertAt;
            autoCloseAt = t.autoCloseAt;
            satisfaction = t.satisfaction;
            history = new ArrayList<>(t.history);
        }

        Instant createdAt() {
            return from.createdAt;
        }

        public Ticket build() {
            return new Ticket(from.id, from.number, from.federation, from.requester, from.subject, from.description,
                    from.category, from.urgency, priority, queue, status, assignee, from.attachments, from.createdAt,
                    updatedAt, firstResponseAt, firstResponseMillis, resolvedAt, resolutionMillis, closedAt, waitingSince,
                    sla, nextAlertAt, autoCloseAt, satisfaction, history, from.version + 1);
        }
    }
}
