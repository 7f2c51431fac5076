package fr.relais.hub.supportline;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.files.FileAccessRule;
import fr.relais.hub.files.StoredFile;
import fr.relais.hub.identity.User;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Files attached to a ticket or to one of its replies are readable by whoever may see that ticket;
 * files attached to an internal note, by staff only (like the note itself).
 */
@Component
class TicketFileAccess implements FileAccessRule {
    private final TicketStore tickets;
    private final TicketPostStore posts;
    private final TicketAccess access;

    TicketFileAccess(TicketStore tickets, TicketPostStore posts, TicketAccess access) {
        this.tickets = tickets;
        this.posts = posts;
        this.access = access;
    }

    @Override
    public boolean allows(User user, StoredFile file) {
        Set<String> ticketIds = new HashSet<>(tickets.idsWithAttachment(file.id()));
        ticketIds.addAll(posts.ticketIdsWithAttachment(file.id(), user.isStaff()));
        for (String ticketId : ticketIds) {
            try {
                access.requireView(user, ticketId);
                return true;
            } catch (RelaisException notForThisUser) {
                // try the next ticket
            }
        }
        return false;
    }
}
