package fr.relais.hub.supportline;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Opens tickets: checks the requester and the form, fills in the federation, numbers and stores the ticket. */
@Service
public class TicketOpener {
    /** What the requester fills in. Urgency defaults to normal. */
    public record NewTicket(String subject, String description, String category, @Nullable String urgency,
                            @Nullable List<String> attachmentIds) {
    }

    private final TicketAccess access;
    private final TicketStore store;
    private final TicketTexts texts;
    private final TicketAttachments attachments;
    private final SupportProperties properties;
    private final SlaPolicy sla;
    private final TicketEventPublisher publisher;
    private final Clock clock;

    TicketOpener(TicketAccess access, TicketStore store, TicketTexts texts, TicketAttachments attachments,
                 SupportProperties properties, SlaPolicy sla, TicketEventPublisher publisher, Clock clock) {
        this.access = access;
        this.store = store;
        this.texts = texts;
        this.attachments = attachments;
        this.properties = properties;
        this.sla = sla;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Ticket open(User requester, NewTicket form) {
        access.requireRequesterSide(requester);
        String subject = texts.subject(form.subject());
        String description = texts.body(form.description());
        SupportProperties.Category category = properties.category(form.category() == null ? "" : form.category().trim())
                .orElseThrow(() -> RelaisException.invalid("category must be one of "
                        + properties.categories().stream().map(SupportProperties.Category::id).toList()));
        Priority urgency = parseUrgency(form.urgency());
        List<Attachment> files = attachments.resolve(requester, form.attachmentIds());
        Instant now = Now.of(clock);
        UserRef actor = UserRef.of(requester);
        Ticket draft = new Ticket(store.newId(), store.nextNumber(), requester.federation().toUpperCase(Locale.ROOT), actor,
                subject, description, category.id(), urgency, urgency, category.queue(), TicketStatus.NEW, null, files,
                now, now, null, null, null, null, null, now, SlaClock.running(), null, null, null,
                List.of(new Transition(now, actor, "opened", null, TicketStatus.NEW.wireName(), false)), 0);
        Ticket ticket = sla.finish(draft.change());
        store.insert(ticket);
        publisher.publish(List.of(new TicketEvent.TicketOpened(ticket, actor, now)));
        return ticket;
    }

    static Priority parseUrgency(String value) {
        if (value == null || value.isBlank()) return Priority.NORMAL;
        try {
            return Priority.parse(value);
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("urgency must be low, normal, high or urgent");
        }
    }
}
