package fr.relais.hub.supportline;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Staff actions on a ticket (claim, assign, transfer, priority, status) and the requester side's
 * (reopen, rate). Each is decided on the latest stored version and written with a compare-and-set
 * ({@link TicketUpdater}); every transition is recorded with who and when.
 */
@Service
public class TicketWorkflow {
    private final TicketAccess access;
    private final TicketUpdater updater;
    private final SlaPolicy sla;
    private final SupportProperties properties;
    private final UserDirectory users;
    private final Clock clock;

    TicketWorkflow(TicketAccess access, TicketUpdater updater, SlaPolicy sla, SupportProperties properties,
                   UserDirectory users, Clock clock) {
        this.access = access;
        this.updater = updater;
        this.sla = sla;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Takes the ticket for oneself. Of two staff claiming at the same moment exactly one wins: the
     * other's write fails the version check, and on the fresh state it is told who holds the ticket.
     */
    public Ticket claim(User me, String ticketId) {
        access.requireStaff(me);
        UserRef actor = UserRef.of(me);
        return updater.update(ticketId, t -> {
            if (t.assignee() != null && t.assignee().id().equals(me.id())) return TicketUpdater.Outcome.unchanged();
            if (t.assignee() != null) {
                throw new RelaisException(ErrorCode.TICKET_ALREADY_CLAIMED,
                        "Already claimed by " + t.assignee().displayName());
            }
            requireActive(t);
            Instant now = Now.of(clock);
            Ticket.Change c = t.change();
            c.assignee = actor;
            c.updatedAt = now;
            c.history.add(new Transition(now, actor, "claimed", null, me.id(), false));
            List<TicketEvent> events = new ArrayList<>();
            if (c.status == TicketStatus.NEW) StatusMoves.move(c, TicketStatus.OPEN, actor, now);
            Ticket next = sla.finish(c);
            events.add(new TicketEvent.TicketClaimed(next, actor, now));
            if (t.status() != next.status()) events.add(new TicketEvent.StatusChanged(next, actor, now, t.status()));
            return new TicketUpdater.Outcome(next, events);
        });
    }

    /** Gives the ticket to a colleague (or to nobody with a null id). */
    public Ticket assign(User me, String ticketId, @Nullable String assigneeId) {
        access.requireStaff(me);
        UserRef actor = UserRef.of(me);
        UserRef assignee = null;
        if (assigneeId != null && !assigneeId.isBlank()) {
            User colleague = users.findById(assigneeId).filter(access::isStaff)
                    .orElseThrow(() -> RelaisException.invalid("assigneeId must be an active HQ staff member"));
            assignee = UserRef.of(colleague);
        }
        UserRef target = assignee;
        return updater.update(ticketId, t -> {
            String before = t.assignee() == null ? null : t.assignee().id();
            String after = target == null ? null : target.id();
            if (Objects.equals(before, after)) return TicketUpdater.Outcome.unchanged();
            if (target != null) requireActive(t);
            Instant now = Now.of(clock);
            Ticket.Change c = t.change();
            c.assignee = target;
            c.updatedAt = now;
            c.history.add(new Transition(now, actor, "assigned", before, after, false));
            if (target != null && c.status == TicketStatus.NEW) StatusMoves.move(c, TicketStatus.OPEN, actor, now);
            Ticket next = sla.finish(c);
            List<TicketEvent> events = new ArrayList<>();
            events.add(new TicketEvent.TicketAssigned(next, actor, now, t.assignee()));
            if (t.status() != next.status()) events.add(new TicketEvent.StatusChanged(next, actor, now, t.status()));
            return new TicketUpdater.Outcome(next, events);
        });
    }

    /** Moves the ticket to another staff queue; it leaves its assignee, for the new queue's team to pick up. */
    public Ticket transfer(User me, String ticketId, String queue) {
        access.requireStaff(me);
        if (queue == null || !properties.queues().contains(queue)) {
            throw RelaisException.invalid("queue must be one of " + properties.queues());
        }
        UserRef actor = UserRef.of(me);
        return updater.update(ticketId, t -> {
            if (t.queue().equals(queue)) return TicketUpdater.Outcome.unchanged();
            requireNotClosed(t);
            Instant now = Now.of(clock);
            Ticket.Change c = t.change();
            c.queue = queue;
            boolean unassigned = c.assignee != null;
            c.assignee = null;
            c.updatedAt = now;
            c.history.add(new Transition(now, actor, "transferred", t.queue(), queue, true));
            Ticket next = sla.finish(c);
            return new TicketUpdater.Outcome(next, List.of(new TicketEvent.TicketTransferred(next, actor, now, t.queue(), unassigned)));
        });
    }

    public Ticket prioritize(User me, String ticketId, String priorityName) {
        access.requireStaff(me);
        Priority priority;
        try {
            priority = Priority.parse(priorityName);
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("priority must be low, normal, high or urgent");
        }
        UserRef actor = UserRef.of(me);
        return updater.update(ticketId, t -> {
            if (t.priority() == priority) return TicketUpdater.Outcome.unchanged();
            requireNotClosed(t);
            Instant now = Now.of(clock);
            Ticket.Change c = t.change();
            c.priority = priority;
            c.updatedAt = now;
            c.history.add(new Transition(now, actor, "priority", t.priority().wireName(), priority.wireName(), true));
            Ticket next = sla.finish(c);
            return new TicketUpdater.Outcome(next, List.of(new TicketEvent.PriorityChanged(next, actor, now, t.priority())));
        });
    }

    /** A status change by staff, along the allowed moves ({@link TicketStatus#staffMayMoveTo}). */
    public Ticket changeStatus(User me, String ticketId, String statusName) {
        access.requireStaff(me);
        TicketStatus status;
        try {
            status = TicketStatus.parse(statusName);
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("status must be new, open, waiting_on_requester, resolved or closed");
        }
        UserRef actor = UserRef.of(me);
        return updater.update(ticketId, t -> {
            if (t.status() == status) return TicketUpdater.Outcome.unchanged();
            if (!t.status().staffMayMoveTo(status)) {
                throw new RelaisException(ErrorCode.TICKET_INVALID_TRANSITION,
                        "A " + t.status().wireName() + " ticket cannot become " + status.wireName());
            }
            return statusOutcome(t, status, actor);
        });
    }

    /** The requester side reopens a resolved ticket, within the configured delay after its resolution. */
    public Ticket reopen(User me, String ticketId) {
        Ticket seen = access.requireView(me, ticketId);
        UserRef actor = UserRef.of(me);
        boolean staff = access.isStaff(me);
        return updater.update(seen.id(), t -> {
            if (t.status() == TicketStatus.CLOSED) {
                throw new RelaisException(ErrorCode.TICKET_CLOSED, "This ticket is closed; open a new one");
            }
            if (t.status() != TicketStatus.RESOLVED) {
                throw new RelaisException(ErrorCode.TICKET_INVALID_TRANSITION, "Only a resolved ticket can be reopened");
            }
            if (!staff) requireReopenable(t, Now.of(clock));
            return statusOutcome(t, TicketStatus.OPEN, actor);
        });
    }

    /** The requester side rates the answer of a resolved or closed ticket (again to change the rating). */
    public Ticket rate(User me, String ticketId, int rating, @Nullable String comment) {
        Ticket seen = access.requireView(me, ticketId);
        if (!access.isRequesterSide(me)) throw RelaisException.forbidden("Only the requesting federation rates the answer");
        if (rating < 1 || rating > 5) throw RelaisException.invalid("rating must be 1 to 5");
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > TicketTexts.COMMENT_MAX) {
            throw RelaisException.invalid("comment is at most " + TicketTexts.COMMENT_MAX + " characters");
        }
        UserRef actor = UserRef.of(me);
        return updater.update(seen.id(), t -> {
            if (t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED) {
                throw new RelaisException(ErrorCode.TICKET_INVALID_TRANSITION, "Rate a ticket once it is resolved");
            }
            Instant now = Now.of(clock);
            Ticket.Change c = t.change();
            c.satisfaction = new Satisfaction(rating, text, actor, now);
            c.updatedAt = now;
            c.history.add(new Transition(now, actor, "rated", null, String.valueOf(rating), false));
            Ticket next = sla.finish(c);
            return new TicketUpdater.Outcome(next, List.of(new TicketEvent.TicketRated(next, actor, now)));
        });
    }

    TicketUpdater.Outcome statusOutcome(Ticket t, TicketStatus status, @Nullable UserRef actor) {
        Instant now = Now.of(clock);
        Ticket.Change c = t.change();
        StatusMoves.move(c, status, actor, now);
        Ticket next = sla.finish(c);
        return new TicketUpdater.Outcome(next, List.of(new TicketEvent.StatusChanged(next, actor, now, t.status())));
    }

    void requireReopenable(Ticket t, Instant now) {
        if (t.resolvedAt() != null && now.isAfter(t.resolvedAt().plus(properties.reopenWindow()))) {
            throw new RelaisException(ErrorCode.TICKET_REOPEN_EXPIRED,
                    "This ticket was resolved too long ago to be reopened; open a new one");
        }
    }

    private static void requireActive(Ticket t) {
        if (!t.status().isActive()) {
            throw new RelaisException(t.status() == TicketStatus.CLOSED ? ErrorCode.TICKET_CLOSED : ErrorCode.TICKET_INVALID_TRANSITION,
                    "This ticket is " + t.status().wireName());
        }
    }

    private static void requireNotClosed(Ticket t) {
        if (t.status() == TicketStatus.CLOSED) throw new RelaisException(ErrorCode.TICKET_CLOSED, "This ticket is closed");
    }
}
