package fr.relais.hub.chat.web;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.Message;
import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A channel event on the wire, the same in STOMP MESSAGE bodies and in {@code GET .../events}:
 * {@code seq} is the event's number in the channel; the message's fields are flattened beside it, with
 * {@code messageSeq} the message's own position (equal to {@code seq} for {@code message.created}).
 */
public record ChannelEventResponse(String type, String channelId, long seq, String id, long messageSeq, String threadId,
                                   UserRef author, String text, String clientMessageId, Instant createdAt,
                                   Instant editedAt, boolean deleted, boolean pinned,
                                   Map<String, List<String>> reactions, List<String> mentions, boolean mentionsChannel,
                                   int replyCount, List<Message.Attachment> attachments) {
    /** Reads back an event serialised by another node. */
    public static ChannelEvent parse(byte[] json, fr.relais.hub.realtime.LocalFanout codec) {
        ChannelEventResponse r = codec.deserialize(json, ChannelEventResponse.class);
        Message m = new Message(r.id(), r.channelId(), r.messageSeq(), r.threadId(), r.author(), r.text() == null ? "" : r.text(),
                r.clientMessageId(), r.createdAt(), r.editedAt(), r.deleted(), r.pinned(),
                r.reactions() == null ? Map.of() : r.reactions(), r.mentions() == null ? List.of() : r.mentions(),
                r.mentionsChannel(), r.replyCount(), r.attachments() == null ? List.of() : r.attachments());
        return new ChannelEvent(fr.relais.hub.chat.ChannelEventType.fromWireName(r.type()), r.channelId(), r.seq(), m);
    }

    public static ChannelEventResponse of(ChannelEvent e) {
        Message m = e.message();
        return new ChannelEventResponse(e.type().wireName(), e.channelId(), e.seq(), m.id(), m.seq(), m.threadId(),
                m.author(), m.text(), m.clientMessageId(), m.createdAt(), m.editedAt(), m.deleted(), m.pinned(),
                m.reactions(), m.mentions(), m.mentionsChannel(), m.replyCount(), m.attachments());
    }
}
