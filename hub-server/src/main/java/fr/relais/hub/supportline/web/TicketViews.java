package fr.relais.hub.supportline.web;

import fr.relais.hub.identity.UserRef;
import fr.relais.hub.supportline.Attachment;
import fr.relais.hub.supportline.SlaPolicy;
import fr.relais.hub.supportline.SlaTimer;
import fr.relais.hub.supportline.SupportProperties;
import fr.relais.hub.supportline.Ticket;
import fr.relais.hub.supportline.TicketAccess;
import fr.relais.hub.supportline.TicketPost;
import fr.relais.hub.supportline.TicketStatus;
import fr.relais.hub.supportline.Transition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The two projections of a ticket on the wire. The requester's leaves out every staff-only field
 * (priority, queue, response-time clock, internal transitions); both are built only here, so there is
 * one place to check what the requester side can ever receive.
 */
@Component
class TicketViews {
    private final SlaPolicy sla;
    private final SupportProperties properties;

    TicketViews(SlaPolicy sla, SupportProperties properties) {
        this.sla = sla;
        this.properties = properties;
    }

    /**
     * A ticket as JSON. Fields marked "staff" are absent from the requester's view.
     *
     * @param view           {@code staff} or {@code requester}
     * @param reopenableUntil requester view: until when a resolved ticket may be reopened
     */
    record TicketResponse(String id, long number, String view, String federation, UserRef requester, String subject,
                          String description, String category, String urgency, String status,
                          @Nullable UserRef assignee, List<Attachment> attachments, Instant createdAt,
                          Instant updatedAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt,
                          @Nullable Instant closedAt, @Nullable Instant reopenableUntil,
                          @Nullable SatisfactionResponse satisfaction,
                          List<TransitionResponse> history,
                          // staff only
                          @Nullable String priority, @Nullable String queue, @Nullable Instant waitingSince,
                          @Nullable SlaResponse sla, @Nullable Long version) {
    }

    record SatisfactionResponse(int rating, @Nullable String comment, UserRef ratedBy, Instant ratedAt) {
    }

    record TransitionResponse(Instant at, @Nullable UserRef actor, String action, @Nullable String from, @Nullable String to) {
    }

    /** Staff only: the response-time clock. Due times are null when the target no longer applies or the clock is paused. */
    record SlaResponse(boolean paused, @Nullable Instant firstResponseDueAt, @Nullable Instant resolutionDueAt,
                       boolean firstResponseBreached, boolean resolutionBreached, @Nullable Long firstResponseSeconds,
                       @Nullable Long resolutionSeconds) {
    }

    record PostResponse(String id, String ticketId, String visibility, UserRef author, boolean fromStaff, String text,
                        List<Attachment> attachments, List<String> mentions, String clientMessageId, Instant createdAt) {
    }

    TicketResponse of(Ticket t, TicketAccess.Audience audience) {
        return audience == TicketAccess.Audience.STAFF ? staff(t) : requester(t);
    }

    TicketResponse requester(Ticket t) {
        return new TicketResponse(t.id(), t.number(), "requester", t.federation(), t.requester(), t.subject(), t.description(),
                t.category(), t.urgency().wireName(), t.status().wireName(), t.assignee(), t.attachments(), t.createdAt(),
                t.updatedAt(), t.firstResponseAt(), t.resolvedAt(), t.closedAt(), reopenableUntil(t), satisfaction(t),
                t.history().stream().filter(h -> !h.internal()).map(TicketViews::transition).toList(),
                null, null, null, null, null);
    }

    TicketResponse staff(Ticket t) {
        SlaResponse clock = new SlaResponse(t.sla().paused(), sla.dueAt(t, SlaTimer.FIRST_RESPONSE), sla.dueAt(t, SlaTimer.RESOLUTION),
                t.sla().firstResponseBreached(), t.sla().resolutionBreached(),
                t.firstResponseMillis() == null ? null : t.firstResponseMillis() / 1000,
                t.resolutionMillis() == null ? null : t.resolutionMillis() / 1000);
        return new TicketResponse(t.id(), t.number(), "staff", t.federation(), t.requester(), t.subject(), t.description(),
                t.category(), t.urgency().wireName(), t.status().wireName(), t.assignee(), t.attachments(), t.createdAt(),
                t.updatedAt(), t.firstResponseAt(), t.resolvedAt(), t.closedAt(), reopenableUntil(t), satisfaction(t),
                t.history().stream().map(TicketViews::transition).toList(),
                t.priority().wireName(), t.queue(), t.waitingSince(), clock, t.version());
    }

    /** A post as JSON; never called with a note for the requester side (posts are filtered in the store query). */
    static PostResponse post(TicketPost p) {
        return new PostResponse(p.id(), p.ticketId(), p.visibility().wireName(), p.author(), p.fromStaff(), p.text(),
                p.attachments(), p.mentions(), p.clientMessageId(), p.createdAt());
    }

    private @Nullable Instant reopenableUntil(Ticket t) {
        return t.status() == TicketStatus.RESOLVED && t.resolvedAt() != null ? t.resolvedAt().plus(properties.reopenWindow()) : null;
    }

    private static SatisfactionResponse satisfaction(Ticket t) {
        return t.satisfaction() == null ? null : new SatisfactionResponse(t.satisfaction().rating(), t.satisfaction().comment(),
                t.satisfaction().ratedBy(), t.satisfaction().ratedAt());
    }

    private static TransitionResponse transition(Transition h) {
        return new TransitionResponse(h.at(), h.actor(), h.action(), h.from(), h.to());
    }
}
