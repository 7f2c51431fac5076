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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A ticket's conversation: public replies (requester side and staff) and internal notes (staff only).
 * The post is stored first — nothing a user writes is lost — then the ticket's state follows: a staff
 * reply is the first response and hands the ball to the requester; a requester reply brings a waiting
 * ticket back to open, or reopens a resolved one within the reopen delay.
 */
@Service
public class TicketConversation {
    static final int MAX_POSTS = 1000;

    /** A reply; with {@code cannedResponseId} and no text, the rendered canned response is the text. */
    public record Reply(@Nullable String text, @Nullable String cannedResponseId, @Nullable List<String> attachmentIds,
                        @Nullable String clientMessageId, boolean waitForRequester) {
    }

    private final TicketAccess access;
    private final TicketPostStore posts;
    private final TicketUpdater updater;
    private final TicketWorkflow workflow;
    private final TicketTexts texts;
    private final TicketAttachments attachments;
    private final CannedResponses canned;
    private final SlaPolicy sla;
    private final UserDirectory users;
    private final TicketEventPublisher publisher;
    private final Clock clock;

    TicketConversation(TicketAccess access, TicketPostStore posts, TicketUpdater updater, TicketWorkflow workflow,
                       TicketTexts texts, TicketAttachments attachments, CannedResponses canned, SlaPolicy sla,
                       UserDirectory users, TicketEventPublisher publisher, Clock clock) {
        this.access = access;
        this.posts = posts;
        this.updater = updater;
        this.workflow = workflow;
        this.texts = texts;
        this.attachments = attachments;
        this.canned = canned;
        this.sla = sla;
        this.users = users;
        this.publisher = publisher;
        this.clock = clock;
    }

    public TicketPost reply(User me, String ticketId, Reply reply) {
        Ticket ticket = access.requireView(me, ticketId);
        boolean staff = access.isStaff(me);
        String source = reply.text();
        if ((source == null || source.isBlank()) && reply.cannedResponseId() != null) {
            access.requireStaff(me);
            source = canned.render(me, ticket, reply.cannedResponseId());
        }
        String text = texts.body(source);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new RelaisException(ErrorCode.TICKET_CLOSED, "This ticket is closed; open a new one");
        }
        if (!staff && ticket.status() == TicketStatus.RESOLVED) workflow.requireReopenable(ticket, Now.of(clock));
        List<Attachment> files = attachments.resolve(me, reply.attachmentIds());
        TicketPost draft = new TicketPost(posts.newId(), ticket.id(), UserRef.of(me), staff, TicketPost.Visibility.PUBLIC,
                text, files, List.of(), TicketTexts.clientMessageId(reply.clientMessageId()), Now.of(clock));
        TicketPost stored = posts.insert(draft);
        if (!stored.id().equals(draft.id())) return stored; // a resend: already applied
        updater.update(ticket.id(), t -> afterReply(t, stored, staff && reply.waitForRequester()));
        return stored;
    }

    private TicketUpdater.Outcome afterReply(Ticket t, TicketPost post, boolean waitForRequester) {
        Instant now = post.createdAt();
        UserRef actor = post.author();
        Ticket.Change c = t.change();
        c.updatedAt = now;
        if (post.fromStaff()) {
            if (c.firstResponseAt == null) {
                c.firstResponseAt = now;
                c.firstResponseMillis = c.sla.elapsed(c.createdAt(), now).toMillis();
            }
            c.waitingSince = null;
            if (waitForRequester && c.status.isActive()) StatusMoves.move(c, TicketStatus.WAITING_ON_REQUESTER, actor, now);
            else if (c.status == TicketStatus.NEW) StatusMoves.move(c, TicketStatus.OPEN, actor, now);
        } else {
            switch (c.status) {
                case WAITING_ON_REQUESTER, RESOLVED -> StatusMoves.move(c, TicketStatus.OPEN, actor, now);
                case NEW, OPEN -> {
                    if (c.waitingSince == null) c.waitingSince = now;
                }
                case CLOSED -> throw new RelaisException(ErrorCode.TICKET_CLOSED, "This ticket is closed; open a new one");
            }
        }
        Ticket next = sla.finish(c);
        List<TicketEvent> events = new ArrayList<>();
        events.add(new TicketEvent.ReplyPosted(next, post));
        if (t.status() != next.status()) events.add(new TicketEvent.StatusChanged(next, actor, now, t.status()));
        return new TicketUpdater.Outcome(next, events);
    }

    /** An internal note: staff only; {@code @username} of a colleague notifies them. Never shown to the requester side. */
    public TicketPost note(User me, String ticketId, String source, @Nullable String clientMessageId) {
        access.requireStaff(me);
        Ticket ticket = access.requireView(me, ticketId);
        String text = texts.body(source);
        List<User> mentioned = users.findByUsernames(TicketTexts.mentionedUsernames(text)).stream()
                .filter(access::isStaff).filter(u -> !u.id().equals(me.id())).toList();
        TicketPost draft = new TicketPost(posts.newId(), ticket.id(), UserRef.of(me), true, TicketPost.Visibility.INTERNAL,
                text, List.of(), mentioned.stream().map(User::id).toList(), TicketTexts.clientMessageId(clientMessageId),
                Now.of(clock));
        TicketPost stored = posts.insert(draft);
        if (!stored.id().equals(draft.id())) return stored;
        publisher.publish(List.of(new TicketEvent.NotePosted(ticket, stored)));
        for (User colleague : mentioned) publisher.mentioned(colleague.id(), ticket, stored);
        return stored;
    }

    /** The conversation as this user may see it: internal notes only for staff. */
    public List<TicketPost> posts(User me, String ticketId) {
        Ticket ticket = access.requireView(me, ticketId);
        return posts.list(ticket.id(), access.isStaff(me), MAX_POSTS);
    }
}
