package fr.relais.hub.supportline.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.stomp.StompDestinations;
import fr.relais.hub.supportline.TicketAccess;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who may subscribe to the support line's topics ({@link SupportTopics}), decided by {@link TicketAccess}
 * like every REST read. The support line takes no STOMP SEND: actions go through REST.
 */
@Component
class SupportDestinations implements StompDestinations {
    private static final Pattern TICKET = Pattern.compile("/topic/support\\.tickets\\.([A-Za-z0-9]{1,64})(\\.staff)?");
    private static final Pattern FEDERATION = Pattern.compile("/topic/support\\.federations\\.([A-Za-z0-9]{1,4})");

    private final TicketAccess access;

    SupportDestinations(TicketAccess access) {
        this.access = access;
    }

    @Override
    public boolean allowsSubscribe(User user, String destination) {
        if (destination.equals(SupportTopics.QUEUE)) {
            access.requireStaff(user);
            return true;
        }
        Matcher t = TICKET.matcher(destination);
        if (t.matches()) {
            access.requireView(user, t.group(1));
            if (t.group(2) != null) access.requireStaff(user);
            return true;
        }
        Matcher f = FEDERATION.matcher(destination);
        if (f.matches()) {
            if (!access.canFollowFederation(user, f.group(1))) {
                throw RelaisException.forbidden("You may not follow this federation's tickets");
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean handlesSend(String destination) {
        return false;
    }

    /** The ticket id of a ticket topic (public or staff), or null. */
    static String ticketIdOf(String destination) {
        if (destination == null) return null;
        Matcher t = TICKET.matcher(destination);
        return t.matches() ? t.group(1) : null;
    }
}
