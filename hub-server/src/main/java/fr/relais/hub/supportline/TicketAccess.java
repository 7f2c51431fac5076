package fr.relais.hub.supportline;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that says who may open, see and act on tickets; REST, STOMP subscriptions, search and
 * export all ask here. Functions named {@code require*} throw. A ticket someone may not see is
 * reported as {@code ticket_not_found}, so other federations' tickets stay invisible.
 *
 * <ul>
 *   <li>Staff ({@link User#isStaff()}): every ticket, every action, internal notes.</li>
 *   <li>Requester side: active non-bot users with a federation and one of the configured
 *       {@code relais.support.requester-roles} (coordinators by default); they open tickets and see,
 *       follow, answer, reopen and rate their own federation's tickets, never internal notes.</li>
 * </ul>
 */
@Component
public class TicketAccess {
    /**
     * Roles this code knows by name (kept as strings so the support line does not break when identity
     * adds or renames one); any other role counts as a plain member. A sympathisant is known, so it
     * never counts as a member.
     */
    private static final Set<String> KNOWN_ROLES = Set.of("NATIONAL_ADMIN", "HQ_STAFF", "NATIONAL_COMMUNICATION_SECRETARY",
            "REGIONAL_DELEGATE", "FEDERATION_COORDINATOR", "MEMBER", "SYMPATHISANT", "BOT");

    public enum Audience { STAFF, REQUESTER }

    private final SupportProperties properties;
    private final TicketStore tickets;

    public TicketAccess(SupportProperties properties, TicketStore tickets) {
        this.properties = properties;
        this.tickets = tickets;
    }

    public boolean isStaff(User user) {
        return user.active() && !user.isBot() && user.isStaff();
    }

    /** May open tickets and follow their federation's tickets. */
    public boolean isRequesterSide(User user) {
        if (!user.active() || user.isBot() || user.isStaff() || user.federation() == null) return false;
        for (Role role : user.roles()) {
            String name = role.name();
            if (properties.requesterRoles().contains(name)) return true;
            if (!KNOWN_ROLES.contains(name) && properties.requesterRoles().contains("MEMBER")) return true;
        }
        return false;
    }

    public boolean canView(User user, Ticket ticket) {
        return isStaff(user) || (isRequesterSide(user) && ticket.federation().equalsIgnoreCase(user.federation()));
    }

    public boolean canFollowFederation(User user, String federation) {
        return isStaff(user) || (isRequesterSide(user) && federation.equalsIgnoreCase(user.federation()));
    }

    public Audience audienceOf(User user) {
        return isStaff(user) ? Audience.STAFF : Audience.REQUESTER;
    }

    /** The ticket, if the user may see it; otherwise TICKET_NOT_FOUND (never reveals that it exists). */
    public Ticket requireView(User user, String ticketId) {
        Ticket ticket = ticketId == null ? null : tickets.findById(ticketId).orElse(null);
        if (ticket == null || !canView(user, ticket)) throw notFound(ticketId);
        return ticket;
    }

    /** Checks the user may see the ticket (for callers that re-read it themselves). */
    public void checkView(User user, Ticket ticket) {
        if (!canView(user, ticket)) throw notFound(ticket.id());
    }

    public void requireStaff(User user) {
        if (!isStaff(user)) throw RelaisException.forbidden("Only HQ staff may do this");
    }

    public void requireRequesterSide(User user) {
        if (!isRequesterSide(user)) {
            throw RelaisException.forbidden("Only federation coordinators (and roles allowed by configuration) open tickets");
        }
    }

    public void requireSeesSomeTickets(User user) {
        if (!isStaff(user) && !isRequesterSide(user)) throw RelaisException.forbidden("The support line is not open to you");
    }

    static RelaisException notFound(String ticketId) {
        return new RelaisException(ErrorCode.TICKET_NOT_FOUND, "No such ticket: " + ticketId);
    }
}
