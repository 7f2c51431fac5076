package fr.relais.hub.supportline.web;

import fr.relais.hub.identity.UserRef;
import fr.relais.hub.supportline.TicketEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket event on the wire (STOMP MESSAGE body), documented in docs/api.md "Support line". Every
 * message carries the ticket as the receiving audience may see it, so clients apply it without a fetch.
 *
 * @param type   ticket.opened, ticket.claimed, ticket.assigned, ticket.transferred, ticket.priority_changed,
 *               ticket.status_changed, ticket.updated, reply.posted, note.posted, ticket.rated, sla.at_risk,
 *               sla.breached
 * @param from   previous value (status, queue, priority, assignee id) when the event changes one
 * @param to     new value
 * @param timer  sla events: {@code first_response} or {@code resolution}
 */
record TicketEventMessage(String type, String ticketId, long number, Instant at, @Nullable UserRef actor,
                          TicketViews.TicketResponse ticket, TicketViews.@Nullable PostResponse post,
                          @Nullable String from, @Nullable String to, @Nullable String timer, @Nullable Instant dueAt) {

    static TicketEventMessage of(TicketEvent event, TicketViews.TicketResponse view) {
        String type;
        String from = null, to = null, timer = null;
        Instant dueAt = null;
        TicketViews.PostResponse post = null;
        switch (event) {
            case TicketEvent.TicketOpened e -> type = "ticket.opened";
            case TicketEvent.TicketClaimed e -> {
                type = "ticket.claimed";
                to = e.actor().id();
            }
            case TicketEvent.TicketAssigned e -> {
                type = "ticket.assigned";
                from = e.previous() == null ? null : e.previous().id();
                to = e.ticket().assignee() == null ? null : e.ticket().assignee().id();
            }
            case TicketEvent.TicketTransferred e -> {
                type = "ticket.transferred";
                from = e.fromQueue();
                to = e.ticket().queue();
            }
            case TicketEvent.PriorityChanged e -> {
                type = "ticket.priority_changed";
                from = e.previous().wireName();
                to = e.ticket().priority().wireName();
            }
            case TicketEvent.StatusChanged e -> {
                type = "ticket.status_changed";
                from = e.previous().wireName();
                to = e.ticket().status().wireName();
            }
            case TicketEvent.ReplyPosted e -> {
                type = "reply.posted";
                post = TicketViews.post(e.post());
            }
            case TicketEvent.NotePosted e -> {
                type = "note.posted";
                post = TicketViews.post(e.note());
            }
            case TicketEvent.TicketRated e -> type = "ticket.rated";
            case TicketEvent.SlaAtRisk e -> {
                type = "sla.at_risk";
                timer = e.timer().wireName();
                dueAt = e.dueAt();
            }
            case TicketEvent.SlaBreached e -> {
                type = "sla.breached";
                timer = e.timer().wireName();
                dueAt = e.dueAt();
            }
        }
        return new TicketEventMessage(type, event.ticket().id(), event.ticket().number(), event.at(), event.actor(), view,
                post, from, to, timer, dueAt);
    }

    /** The requester side's news of an internal change that altered what it sees (e.g. a transfer cleared the assignee). */
    static TicketEventMessage updated(TicketEvent event, TicketViews.TicketResponse view) {
        return new TicketEventMessage("ticket.updated", event.ticket().id(), event.ticket().number(), event.at(), null, view,
                null, null, null, null, null);
    }
}
