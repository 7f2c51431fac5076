package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The look-ups a new message needs — who its {@code @mentions} are, whether its thread exists — done
 * for a whole batch on the writer's thread, so that STOMP inbound threads never wait on storage.
 */
@Component
class PostPreparation {
    private final MessageStore messages;
    private final UserDirectory users;
    private final ChannelAccess access;
    private final ChannelDirectory channels;

    PostPreparation(MessageStore messages, UserDirectory users, ChannelAccess access, ChannelDirectory channels) {
        this.messages = messages;
        this.users = users;
        this.access = access;
        this.channels = channels;
    }

    /** Each post's draft completed with its mentions, or the refusal to complete it with. */
    Map<PendingWrite.Post, Object> prepare(List<PendingWrite.Post> posts) {
        Set<String> threadIds = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        for (PendingWrite.Post p : posts) {
            if (p.draft().threadId() != null) threadIds.add(p.draft().threadId());
            usernames.addAll(p.mentionedUsernames());
        }
        Map<String, Message> parents = threadIds.isEmpty() ? Map.of() : messages.findByIds(threadIds);
        Map<String, User> mentioned = new HashMap<>();
        if (!usernames.isEmpty()) users.findByUsernames(usernames).forEach(u -> mentioned.put(u.username(), u));
        Map<PendingWrite.Post, Object> prepared = new HashMap<>();
        for (PendingWrite.Post p : posts) {
            Message draft = p.draft();
            RelaisException refusal = draft.threadId() == null ? null : checkThread(draft, parents.get(draft.threadId()));
            if (refusal != null) {
                prepared.put(p, refusal);
                continue;
            }
            if (p.mentionedUsernames().isEmpty()) {
                prepared.put(p, draft);
                continue;
            }
            Channel channel = channels.find(draft.channelId()).orElseThrow();
            List<String> ids = p.mentionedUsernames().stream().map(mentioned::get)
                    .filter(u -> u != null && access.allows(u, channel, ChannelAction.READ)).map(User::id).toList();
            prepared.put(p, draft.withMentions(ids));
        }
        return prepared;
    }

    private static RelaisException checkThread(Message draft, Message parent) {
        if (parent == null || !parent.channelId().equals(draft.channelId())) {
            return new RelaisException(ErrorCode.INVALID_THREAD, "threadId must be a message of this channel");
        }
        if (parent.isReply()) return new RelaisException(ErrorCode.INVALID_THREAD, "Reply to the thread's first message");
        if (parent.deleted()) return new RelaisException(ErrorCode.INVALID_THREAD, "This message was deleted");
        return null;
    }
}
