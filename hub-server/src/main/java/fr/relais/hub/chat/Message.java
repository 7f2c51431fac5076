package fr.relais.hub.chat;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message as stored and shown. {@code seq} is its position in the channel (the seq of its
 * {@code message.created} event). A deleted message stays as a tombstone: no text, {@code deleted} true.
 *
 * @param reactions emoji → ids of the users who reacted, in the order reactions were first added
 * @param mentions  ids of the users mentioned with {@code @username}
 * @param mentionsChannel true when the text says {@code @channel}, {@code @all} or {@code @here}
 * @param attachments files uploaded by the author and sent with the message (see {@code fr.relais.hub.files})
 */
public record Message(String id, String channelId, long seq, @Nullable String threadId, UserRef author, String text,
                      String clientMessageId, Instant createdAt, @Nullable Instant editedAt, boolean deleted,
                      boolean pinned, Map<String, List<String>> reactions, List<String> mentions,
                      boolean mentionsChannel, int replyCount, List<Attachment> attachments) {

    /** A file sent with a message: its id in the file store, original name, MIME type and size in bytes. */
    public record Attachment(String id, String name, String contentType, long size) {
    }

    public Message {
        reactions = copy(reactions);
        mentions = List.copyOf(mentions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public Message(String id, String channelId, long seq, @Nullable String threadId, UserRef author, String text,
                   String clientMessageId, Instant createdAt, @Nullable Instant editedAt, boolean deleted,
                   boolean pinned, Map<String, List<String>> reactions, List<String> mentions,
                   boolean mentionsChannel, int replyCount) {
        this(id, channelId, seq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted, pinned,
                reactions, mentions, mentionsChannel, replyCount, List.of());
    }

    public boolean isReply() {
        return threadId != null;
    }

    public Message withMentions(List<String> userIds) {
        return new Message(id, channelId, seq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted,
                pinned, reactions, userIds, mentionsChannel, replyCount, attachments);
    }

    public Message withSeq(long newSeq) {
        return new Message(id, channelId, newSeq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted,
                pinned, reactions, mentions, mentionsChannel, replyCount, attachments);
    }

    public Message edited(String newText, List<String> newMentions, boolean newMentionsChannel, Instant at) {
        return new Message(id, channelId, seq, threadId, author, newText, clientMessageId, createdAt, at, deleted,
                pinned, reactions, newMentions, newMentionsChannel, replyCount, attachments);
    }

    public Message tombstone(Instant at) {
        return new Message(id, channelId, seq, threadId, author, "", clientMessageId, createdAt, at, true,
                false, Map.of(), List.of(), false, replyCount);
    }

    public Message withPinned(boolean value) {
        return new Message(id, channelId, seq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted,
                value, reactions, mentions, mentionsChannel, replyCount, attachments);
    }

    public Message withReactions(Map<String, List<String>> value) {
        return new Message(id, channelId, seq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted,
                pinned, value, mentions, mentionsChannel, replyCount, attachments);
    }

    public Message withReplyCount(int value) {
        return new Message(id, channelId, seq, threadId, author, text, clientMessageId, createdAt, editedAt, deleted,
                pinned, reactions, mentions, mentionsChannel, value, attachments);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((emoji, users) -> {
            if (!users.isEmpty()) copy.put(emoji, List.copyOf(users));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
