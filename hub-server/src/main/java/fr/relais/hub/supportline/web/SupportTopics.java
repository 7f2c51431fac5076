package fr.relais.hub.supportline.web;

/**
 * The support line's STOMP topics.
 * <ul>
 *   <li>{@code /topic/support.queue} — staff: every event of every ticket, staff projection, SLA alerts</li>
 *   <li>{@code /topic/support.federations.<code>} — that federation's requester side (and staff): its tickets'
 *       requester-safe events</li>
 *   <li>{@code /topic/support.tickets.<id>} — whoever may see the ticket: requester-safe events and viewers</li>
 *   <li>{@code /topic/support.tickets.<id>.staff} — staff: every event of the ticket, notes included, and viewers</li>
 * </ul>
 */
final class SupportTopics {
    static final String QUEUE = "/topic/support.queue";
    static final String FEDERATION_PREFIX = "/topic/support.federations.";
    static final String TICKET_PREFIX = "/topic/support.tickets.";
    static final String STAFF_SUFFIX = ".staff";

    static String federation(String code) {
        return FEDERATION_PREFIX + code;
    }

    static String ticket(String ticketId) {
        return TICKET_PREFIX + ticketId;
    }

    static String ticketStaff(String ticketId) {
        return TICKET_PREFIX + ticketId + STAFF_SUFFIX;
    }

    private SupportTopics() {
    }
}
