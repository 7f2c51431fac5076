package fr.relais.hub.supportline.web;

import fr.relais.hub.supportline.Ticket;
import fr.relais.hub.supportline.TicketEvent;
import fr.relais.hub.supportline.TicketEventPublisher;
import fr.relais.hub.supportline.TicketPost;
import fr.relais.hub.realtime.LocalFanout;
import fr.relais.hub.realtime.PersonalEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Delivers ticket events over STOMP through {@link LocalFanout} (each payload serialised once per
 * audience). Routing, the one place that decides who receives what:
 * <ul>
 *   <li>staff projection of every event → {@code /topic/support.queue} and {@code /topic/support.tickets.<id>.staff};</li>
 *   <li>requester projection of non-internal events → {@code /topic/support.tickets.<id>} and
 *       {@code /topic/support.federations.<code>};</li>
 *   <li>internal events (notes, transfers, priority, SLA alerts) never reach those two topics; when one
 *       changes what the requester sees, they get a {@code ticket.updated} with the requester projection.</li>
 * </ul>
 */
@Component
class StompTicketEvents implements TicketEventPublisher {
    private static final int EXCERPT = 140;

    private final LocalFanout fanout;
    private final PersonalEvents personal;
    private final TicketViews views;

    StompTicketEvents(LocalFanout fanout, PersonalEvents personal, TicketViews views) {
        this.fanout = fanout;
        this.personal = personal;
        this.views = views;
    }

    @Override
    public void publish(List<TicketEvent> events) {
        for (TicketEvent event : events) {
            Ticket t = event.ticket();
            byte[] staff = fanout.serialize(TicketEventMessage.of(event, views.staff(t)));
            fanout.toTopic(SupportTopics.QUEUE, staff);
            fanout.toTopic(SupportTopics.ticketStaff(t.id()), staff);
            TicketEventMessage forRequester = !event.internal() ? TicketEventMessage.of(event, views.requester(t))
                    : event.changesRequesterView() ? TicketEventMessage.updated(event, views.requester(t)) : null;
            if (forRequester != null) {
                byte[] requester = fanout.serialize(forRequester);
                fanout.toTopic(SupportTopics.ticket(t.id()), requester);
                fanout.toTopic(SupportTopics.federation(t.federation()), requester);
            }
        }
    }

    @Override
    public void mentioned(String userId, Ticket ticket, TicketPost note) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", "support.mention");
        n.put("ticketId", ticket.id());
        n.put("number", ticket.number());
        n.put("subject", ticket.subject());
        n.put("noteId", note.id());
        n.put("author", note.author());
        n.put("excerpt", note.text().length() > EXCERPT ? note.text().substring(0, EXCERPT) + "…" : note.text());
        personal.send(userId, n);
    }

    /** Viewers of a ticket changed: both ticket topics. */
    void viewers(String ticketId, Object payload) {
        byte[] bytes = fanout.serialize(payload);
        fanout.toTopic(SupportTopics.ticket(ticketId), bytes);
        fanout.toTopic(SupportTopics.ticketStaff(ticketId), bytes);
    }
}
