package fr.relais.hub.supportline;

import java.util.List;

/**
 * Port through which the support line hands committed ticket events to real-time delivery (implemented
 * in {@code web/} over {@code realtime.LocalFanout}; a cross-node layer wraps the same seam). Called
 * after the write succeeded, in order.
 */
public interface TicketEventPublisher {
    void publish(List<TicketEvent> events);

    /** Tells one staff member that a note mentions them (their personal queue). */
    void mentioned(String userId, Ticket ticket, TicketPost note);
}
