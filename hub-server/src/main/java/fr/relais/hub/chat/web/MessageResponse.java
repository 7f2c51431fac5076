package fr.relais.hub.chat.web;

import fr.relais.hub.chat.Message;
import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message in REST responses. */
public record MessageResponse(String id, String channelId, long seq, String threadId, UserRef author, String text,
                              String clientMessageId, Instant createdAt, Instant editedAt, boolean deleted,
                              boolean pinned, Map<String, List<String>> reactions, List<String> mentions,
                              boolean mentionsChannel, int replyCount, List<Message.Attachment> attachments) {
    public static MessageResponse of(Message m) {
        return new MessageResponse(m.id(), m.channelId(), m.seq(), m.threadId(), m.author(), m.text(),
                m.clientMessageId(), m.createdAt(), m.editedAt(), m.deleted(), m.pinned(), m.reactions(), m.mentions(),
                m.mentionsChannel(), m.replyCount(), m.attachments());
    }
}
