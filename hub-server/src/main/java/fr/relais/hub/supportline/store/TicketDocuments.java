package fr.relais.hub.supportline.store;

import fr.relais.hub.identity.UserRef;
import fr.relais.hub.supportline.Attachment;
import fr.relais.hub.supportline.Priority;
import fr.relais.hub.supportline.Satisfaction;
import fr.relais.hub.supportline.SlaClock;
import fr.relais.hub.supportline.Ticket;
import fr.relais.hub.supportline.TicketPost;
import fr.relais.hub.supportline.TicketStatus;
import fr.relais.hub.supportline.Transition;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Ticket and post ↔ BSON. Dates are BSON dates; enums are stored by name. */
final class TicketDocuments {
    /** Sort key of tickets whose ball is on the requester's side: after every waiting one. */
    static final Date NOT_WAITING = Date.from(Instant.parse("9999-01-01T00:00:00Z"));

    static Document toDocument(Ticket t) {
        SlaClock s = t.sla();
        return new Document("_id", t.id())
                .append("number", t.number())
                .append("federation", t.federation())
                .append("requester", user(t.requester()))
                .append("requesterId", t.requester().id())
                .append("subject", t.subject())
                .append("description", t.description())
                .append("category", t.category())
                .append("urgency", t.urgency().name())
                .append("priority", t.priority().name())
                .append("priorityRank", t.priority().rank())
                .append("queue", t.queue())
                .append("status", t.status().name())
                .append("assignee", t.assignee() == null ? null : user(t.assignee()))
                .append("assigneeId", t.assignee() == null ? null : t.assignee().id())
                .append("attachments", attachments(t.attachments()))
                .append("createdAt", date(t.createdAt()))
                .append("updatedAt", date(t.updatedAt()))
                .append("firstResponseAt", date(t.firstResponseAt()))
                .append("firstResponseMillis", t.firstResponseMillis())
                .append("resolvedAt", date(t.resolvedAt()))
                .append("resolutionMillis", t.resolutionMillis())
                .append("closedAt", date(t.closedAt()))
                .append("waitingSince", date(t.waitingSince()))
                .append("waitingKey", t.waitingSince() == null ? NOT_WAITING : date(t.waitingSince()))
                .append("sla", new Document("pausedMillis", s.pausedMillis())
                        .append("pausedSince", date(s.pausedSince()))
                        .append("firstResponseWarned", s.firstResponseWarned())
                        .append("firstResponseBreached", s.firstResponseBreached())
                        .append("resolutionWarned", s.resolutionWarned())
                        .append("resolutionBreached", s.resolutionBreached()))
                .append("nextAlertAt", date(t.nextAlertAt()))
                .append("autoCloseAt", date(t.autoCloseAt()))
                .append("satisfaction", t.satisfaction() == null ? null : new Document("rating", t.satisfaction().rating())
                        .append("comment", t.satisfaction().comment())
                        .append("ratedBy", user(t.satisfaction().ratedBy()))
                        .append("ratedAt", date(t.satisfaction().ratedAt())))
                .append("rating", t.satisfaction() == null ? null : t.satisfaction().rating())
                .append("history", t.history().stream().map(h -> new Document("at", date(h.at()))
                        .append("actor", h.actor() == null ? null : user(h.actor()))
                        .append("action", h.action())
                        .append("from", h.from())
                        .append("to", h.to())
                        .append("internal", h.internal())).toList())
                .append("version", t.version());
    }

    static Ticket toTicket(Document d) {
        Document s = d.get("sla", Document.class);
        Document sat = d.get("satisfaction", Document.class);
        return new Ticket(d.getString("_id"), number(d, "number"), d.getString("federation"),
                userRef(d.get("requester", Document.class)), d.getString("subject"), d.getString("description"),
                d.getString("category"), Priority.valueOf(d.getString("urgency")), Priority.valueOf(d.getString("priority")),
                d.getString("queue"), TicketStatus.valueOf(d.getString("status")),
                d.get("assignee") == null ? null : userRef(d.get("assignee", Document.class)),
                attachmentList(d.getList("attachments", Document.class, List.of())),
                instant(d, "createdAt"), instant(d, "updatedAt"), instant(d, "firstResponseAt"),
                optionalNumber(d, "firstResponseMillis"), instant(d, "resolvedAt"), optionalNumber(d, "resolutionMillis"),
                instant(d, "closedAt"), instant(d, "waitingSince"),
                new SlaClock(number(s, "pausedMillis"), instant(s, "pausedSince"), s.getBoolean("firstResponseWarned", false),
                        s.getBoolean("firstResponseBreached", false), s.getBoolean("resolutionWarned", false),
                        s.getBoolean("resolutionBreached", false)),
                instant(d, "nextAlertAt"), instant(d, "autoCloseAt"),
                sat == null ? null : new Satisfaction(sat.get("rating", Number.class).intValue(), sat.getString("comment"),
                        userRef(sat.get("ratedBy", Document.class)), instant(sat, "ratedAt")),
                d.getList("history", Document.class, List.of()).stream().map(h -> new Transition(instant(h, "at"),
                        h.get("actor") == null ? null : userRef(h.get("actor", Document.class)), h.getString("action"),
                        h.getString("from"), h.getString("to"), h.getBoolean("internal", false))).toList(),
                number(d, "version"));
    }

    static Document toDocument(TicketPost p) {
        return new Document("_id", p.id())
                .append("ticketId", p.ticketId())
                .append("author", user(p.author()))
                .append("authorId", p.author().id())
                .append("fromStaff", p.fromStaff())
                .append("visibility", p.visibility().name())
                .append("text", p.text())
                .append("attachments", attachments(p.attachments()))
                .append("mentions", p.mentions())
                .append("clientMessageId", p.clientMessageId())
                .append("createdAt", date(p.createdAt()));
    }

    static TicketPost toPost(Document d) {
        return new TicketPost(d.getString("_id"), d.getString("ticketId"), userRef(d.get("author", Document.class)),
                d.getBoolean("fromStaff", false), TicketPost.Visibility.valueOf(d.getString("visibility")), d.getString("text"),
                attachmentList(d.getList("attachments", Document.class, List.of())), d.getList("mentions", String.class, List.of()),
                d.getString("clientMessageId"), instant(d, "createdAt"));
    }

    static Document user(UserRef u) {
        return new Document("id", u.id()).append("username", u.username()).append("displayName", u.displayName())
                .append("bot", u.bot());
    }

    static UserRef userRef(Document d) {
        return new UserRef(d.getString("id"), d.getString("username"), d.getString("displayName"), d.getBoolean("bot", false));
    }

    private static List<Document> attachments(List<Attachment> list) {
        return list.stream().map(a -> new Document("id", a.id()).append("name", a.name())
                .append("contentType", a.contentType()).append("size", a.size())).toList();
    }

    private static List<Attachment> attachmentList(List<Document> docs) {
        return docs.stream().map(a -> new Attachment(a.getString("id"), a.getString("name"), a.getString("contentType"),
                number(a, "size"))).toList();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static long number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static Long optionalNumber(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? null : n.longValue();
    }

    private TicketDocuments() {
    }
}
