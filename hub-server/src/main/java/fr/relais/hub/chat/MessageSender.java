package fr.relais.hub.chat;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.files.Attachments;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

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
    private final TextRules textRules;
    private final Clock clock;
    private final Attachments attachments;
    /** Resolved at first post, then kept: a bean look-up per message showed in the SEND path's profile. */
    private final Supplier<List<PostPolicy>> policies;

    MessageSender(ChannelAccess access, ChannelWriters writers, MessageStore messages,
                  TextRules textRules, Clock clock, Attachments attachments, ObjectProvider<PostPolicy> policies) {
        this.attachments = attachments;
        this.access = access;
        this.writers = writers;
        this.messages = messages;
        this.textRules = textRules;
        this.clock = clock;
        this.policies = SingletonSupplier.of(() -> policies.orderedStream().toList());
    }

    public CompletableFuture<Message> post(User author, String channelId, PostRequest request) {
        Channel channel = access.require(author, channelId, ChannelAction.POST);
        boolean filesOnly = !request.attachmentIds().isEmpty() && (request.text() == null || request.text().isBlank());
        String text = filesOnly ? "" : textRules.check(request.text());
        String clientMessageId = checkClientMessageId(request.clientMessageId());
        List<Message.Attachment> files = attachments.claim(author, channel.id(), request.attachmentIds()).stream()
                .map(f -> new Message.Attachment(f.id(), f.name(), f.contentType(), f.size())).toList();
        MentionParser.Mentions mentions = MentionParser.parse(text);
        // Thread and mentions are resolved by the channel's writer (PostPreparation), not on this thread.
        Message draft = new Message(messages.newId(), channel.id(), 0, request.threadId(), UserRef.of(author), text,
                clientMessageId, clock.instant(), null, false, false, Map.of(), List.of(), mentions.channel(), 0, files);
        policies.get().forEach(policy -> policy.check(author, channel, draft));
        return writers.submit(channel.id(), new PendingWrite.Post(draft, mentions.usernames(), new CompletableFuture<>()));
    }

    private static String checkClientMessageId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) return UUID.randomUUID().toString();
        if (clientMessageId.length() > 64) throw RelaisException.invalid("clientMessageId is at most 64 characters");
        return clientMessageId;
    }
}
