package fr.relais.hub.supportline;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.List;

/**
 * A message in a ticket's conversation: a public reply (seen by the requester side and staff) or an
 * internal note (staff only, never shown to the requester by any path).
 *
 * @param fromStaff whether the author answered as HQ staff
 * @param mentions  ids of the staff mentioned with {@code @username} (notes only)
 */
public record TicketPost(String id, String ticketId, UserRef author, boolean fromStaff, Visibility visibility,
                         String text, List<Attachment> attachments, List<String> mentions, String clientMessageId,
                         Instant createdAt) {

    public enum Visibility {
        PUBLIC, INTERNAL;

        public String wireName() {
            return this == PUBLIC ? "public" : "internal";
        }
    }

    public TicketPost {
        attachments = List.copyOf(attachments);
        mentions = List.copyOf(mentions);
    }

    public boolean isInternal() {
        return visibility == Visibility.INTERNAL;
    }
}
