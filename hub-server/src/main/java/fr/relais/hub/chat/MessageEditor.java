package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Changes existing messages: edit (author only), delete (author or moderator; leaves a tombstone),
 * reactions, pins. Each change is a channel event with its own seq, committed by the channel's writer.
 */
@Service
public class MessageEditor {
    private static final Pattern EMOJI = Pattern.compile("[^\\s<>\"'&]{1,32}");
    private static final int MAX_DISTINCT_REACTIONS = 30;

    private final ChannelAccess access;
    private final ChannelWriters writers;
    private final MessageStore messages;
    private final UserDirectory users;
    private final TextRules textRules;
    private final Clock clock;

    MessageEditor(ChannelAccess access, ChannelWriters writers, MessageStore messages, UserDirectory users,
                  TextRules textRules, Clock clock) {
        this.access = access;
        this.writers = writers;
        this.messages = messages;
        this.users = users;
        this.textRules = textRules;
        this.clock = clock;
    }

    public CompletableFuture<Message> edit(User user, String messageId, String newText) {
        Message message = requireVisible(user, messageId, ChannelAction.POST);
        if (!message.author().id().equals(user.id())) throw RelaisException.forbidden("Only the author edits a message");
        String text = textRules.check(newText);
        Channel channel = access.requireRead(user, message.channelId());
        MentionParser.Mentions mentions = MentionParser.parse(text);
        List<String> mentioned = users.findByUsernames(mentions.usernames()).stream()
                .filter(u -> access.allows(u, channel, ChannelAction.READ)).map(User::id).toList();
        return change(message, ChannelEventType.MESSAGE_UPDATED, m -> {
            if (m.deleted()) throw new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "This message was deleted");
            return m.text().equals(text) ? m : m.edited(text, mentioned, mentions.channel(), clock.instant());
        });
    }

    public CompletableFuture<Message> delete(User user, String messageId) {
        Message message = requireVisible(user, messageId, ChannelAction.READ);
        boolean own = message.author().id().equals(user.id());
        if (!own) access.require(user, message.channelId(), ChannelAction.MODERATE);
        return change(message, ChannelEventType.MESSAGE_DELETED, m -> m.deleted() ? m : m.tombstone(clock.instant()));
    }

    public CompletableFuture<Message> react(User user, String messageId, String emoji, boolean add) {
        if (emoji == null || !EMOJI.matcher(emoji).matches()) throw RelaisException.invalid("Not a valid reaction");
        Message message = requireVisible(user, messageId, ChannelAction.REACT);
        return change(message, ChannelEventType.REACTION_CHANGED, m -> {
            if (m.deleted()) throw new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "This message was deleted");
            List<String> who = m.reactions().getOrDefault(emoji, List.of());
            if (add == who.contains(user.id())) return m;
            if (add && !m.reactions().containsKey(emoji) && m.reactions().size() >= MAX_DISTINCT_REACTIONS) {
                throw RelaisException.invalid("Too many different reactions on this message");
            }
            Map<String, List<String>> reactions = new LinkedHashMap<>(m.reactions());
            List<String> updated = new ArrayList<>(who);
            if (add) updated.add(user.id());
            else updated.remove(user.id());
            reactions.put(emoji, updated);
            return m.withReactions(reactions);
        });
    }

    public CompletableFuture<Message> pin(User user, String messageId, boolean pinned) {
        Message message = requireVisible(user, messageId, ChannelAction.POST);
        return change(message, ChannelEventType.MESSAGE_UPDATED, m -> {
            if (m.deleted()) throw new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "This message was deleted");
            return m.pinned() == pinned ? m : m.withPinned(pinned);
        });
    }

    private Message requireVisible(User user, String messageId, ChannelAction action) {
        Message message = messages.findById(messageId)
                .orElseThrow(() -> new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message"));
        try {
            access.require(user, message.channelId(), action);
        } catch (RelaisException e) {
            if (e.code() == ErrorCode.CHANNEL_NOT_FOUND) throw new RelaisException(ErrorCode.MESSAGE_NOT_FOUND, "No such message");
            throw e;
        }
        return message;
    }

    private CompletableFuture<Message> change(Message message, ChannelEventType type, java.util.function.UnaryOperator<Message> change) {
        return writers.submit(message.channelId(), new PendingWrite.Change(message.id(), type, change, new CompletableFuture<>()));
    }
}
