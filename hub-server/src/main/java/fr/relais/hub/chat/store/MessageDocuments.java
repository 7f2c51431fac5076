package fr.relais.hub.chat.store;

import fr.relais.hub.chat.Message;
import fr.relais.hub.identity.UserRef;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Message ↔ BSON, shared by the messages collection and the snapshots kept in channel events. */
final class MessageDocuments {
    static Document toDocument(Message m) {
        Document reactions = new Document();
        m.reactions().forEach(reactions::append);
        return new Document("_id", m.id())
                .append("channelId", m.channelId())
                .append("seq", m.seq())
                .append("threadId", m.threadId())
                .append("author", new Document("id", m.author().id())
                        .append("username", m.author().username())
                        .append("displayName", m.author().displayName())
                        .append("bot", m.author().bot()))
                .append("authorId", m.author().id())
                .append("text", m.text())
                .append("clientMessageId", m.clientMessageId())
                .append("createdAt", Date.from(m.createdAt()))
                .append("editedAt", m.editedAt() == null ? null : Date.from(m.editedAt()))
                .append("deleted", m.deleted())
                .append("pinned", m.pinned())
                .append("reactions", reactions)
                .append("mentions", m.mentions())
                .append("mentionsChannel", m.mentionsChannel())
                .append("replyCount", m.replyCount())
                .append("attachments", m.attachments().stream().map(f -> new Document("id", f.id())
                        .append("name", f.name()).append("contentType", f.contentType()).append("size", f.size())).toList());
    }

    static Message toMessage(Document d) {
        Document a = d.get("author", Document.class);
        Map<String, List<String>> reactions = new LinkedHashMap<>();
        Document r = d.get("reactions", Document.class);
        if (r != null) r.forEach((emoji, users) -> reactions.put(emoji, ((List<?>) users).stream().map(String::valueOf).toList()));
        Date editedAt = d.getDate("editedAt");
        return new Message(d.getString("_id"), d.getString("channelId"), d.get("seq", Number.class).longValue(),
                d.getString("threadId"),
                new UserRef(a.getString("id"), a.getString("username"), a.getString("displayName"), a.getBoolean("bot", false)),
                d.getString("text"), d.getString("clientMessageId"), d.getDate("createdAt").toInstant(),
                editedAt == null ? null : editedAt.toInstant(), d.getBoolean("deleted", false), d.getBoolean("pinned", false),
                reactions, d.getList("mentions", String.class, List.of()), d.getBoolean("mentionsChannel", false),
                d.get("replyCount", Number.class) == null ? 0 : d.get("replyCount", Number.class).intValue(),
                d.getList("attachments", Document.class, List.of()).stream().map(f -> new Message.Attachment(
                        f.getString("id"), f.getString("name"), f.getString("contentType"),
                        f.get("size", Number.class).longValue())).toList());
    }

    private MessageDocuments() {
    }
}
