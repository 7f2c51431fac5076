package fr.relais.hub.chat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Persistence port for messages (current state). */
public interface MessageStore {
    String newId();

    /**
     * Inserts new messages. A message whose (author, clientMessageId) already exists is not inserted:
     * its index in {@code messages} is returned so the writer can answer with the stored one.
     */
    Set<Integer> insertNew(List<Message> messages);

    /** Replaces the stored state of these (existing) messages. */
    void replace(List<Message> messages);

    void incrementReplyCounts(Map<String, Integer> repliesByParentId);

    Optional<Message> findById(String id);

    Map<String, Message> findByIds(Collection<String> ids);

    Optional<Message> findByClientMessageId(String authorId, String clientMessageId);

    /** Messages with afterSeq < seq < beforeSeq: the newest {@code limit} when only beforeSeq is given, else the oldest. */
    List<Message> page(String channelId, Long afterSeq, Long beforeSeq, int limit, boolean topLevelOnly);

    /** Messages of a channel whose seq is above {@code afterSeq}, ascending. */
    List<Message> createdAfter(String channelId, long afterSeq, int limit);

    List<Message> replies(String threadId, int limit);

    List<Message> pinned(String channelId);

    /** Top-level messages after afterSeq not written by excludedAuthor and not deleted; counts up to {@code cap}. */
    int countUnread(String channelId, long afterSeq, String excludedAuthor, int cap);

    int countMentions(String channelId, long afterSeq, String userId, int cap);

    /** Messages whose id sorts after {@code id} (ids grow with time), oldest first; all of them when id is null. */
    void forEachAfterId(String id, java.util.function.Consumer<Message> action);
}
