package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.files.Attachments;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Posts messages: checks the text and the thread, checks the author may post, resolves mentions,
 * and hands the message to the channel's writer. The returned future completes once the message is
 * durably stored (with the stored message, also when it was a resend of an earlier clientMessageId).
 */
@Service
public class MessageSender {
    private final ChannelAccess access;
    private final ChannelWriters writers;
    private final MessageStore messages;
    private final UserDirectory users;
    private final TextRules textRules;
    private final Clock clock;
    private final Attachments attachments;
    private final ObjectProvider<PostPolicy> policies;

    MessageSender(ChannelAccess access, ChannelWriters writers, MessageStore messages, UserDirectory users,
                  TextRules textRules, Clock clock, Attachments attachments, ObjectProvider<PostPolicy> policies) {
        this.attachments = attachments;
        this.access = access;
        this.writers = writers;
        this.messages = messages;
        this.users = users;
        this.textRules = textRules;
        this.clock = clock;
        this.policies = policies;
    }

    public CompletableFuture<Message> post(User author, String channelId, PostRequest request) {
        Channel channel = access.require(author, channelId, ChannelAction.POST);
        boolean filesOnly = !request.attachmentIds().isEmpty() && (request.text() == null || request.text().isBlank());
        String text = filesOnly ? "" : textRules.check(request.text());
        String clientMessageId = checkClientMessageId(request.clientMessageId());
        String threadId = request.threadId();
        if (threadId != null) checkThread(channel, threadId);
        List<Message.Attachment> files = attachments.claim(author, channel.id(), request.attachmentIds()).stream()
                .map(f -> new Message.Attachment(f.id(), f.name(), f.contentType(), f.size())).toList();
        MentionParser.Mentions mentions = MentionParser.parse(text);
        List<String> mentioned = users.findByUsernames(mentions.usernames()).stream()
                .filter(u -> access.allows(u, channel, ChannelAction.READ))
                .map(User::id).toList();
        Message draft = new Message(messages.newId(), channel.id(), 0, threadId, UserRef.of(author), text,
                clientMessageId, clock.instant(), null, false, false, Map.of(), mentioned, mentions.channel(), 0, files);
        policies.orderedStream().forEach(policy -> policy.check(author, channel, draft));
        return writers.submit(channel.id(), new PendingWrite.Post(draft, new CompletableFuture<>()));
    }

    private void checkThread(Channel channel, String threadId) {
        Message parent = messages.findById(threadId).orElse(null);
        if (parent == null || !parent.channelId().equals(channel.id())) {
            throw new RelaisException(ErrorCode.INVALID_THREAD, "threadId must be a message of this channel");
        }
        if (parent.isReply()) throw new RelaisException(ErrorCode.INVALID_THREAD, "Reply to the thread's first message");
        if (parent.deleted()) throw new RelaisException(ErrorCode.INVALID_THREAD, "This message was deleted");
    }

    private static String checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) return UUID.randomUUID().toString();
        if (clientMessageId.length() > 64) throw RelaisException.invalid("clientMessageId is at most 64 characters");
        return clientMessageId;
    }
}
