package fr.relais.hub.chat;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/** A write waiting in a channel's queue, completed with the stored message once durable. */
sealed interface PendingWrite {
    CompletableFuture<Message> result();

    /**
     * A new message; its seq is assigned at commit. Mentions and the thread are resolved by the writer
     * (see {@link PostPreparation}), off the STOMP inbound threads.
     */
    record Post(Message draft, java.util.Set<String> mentionedUsernames, CompletableFuture<Message> result) implements PendingWrite {
    }

    /**
     * A change to an existing message. {@code change} returns the new state, or the same instance when
     * there is nothing to change (then no event is emitted).
     */
    record Change(String messageId, ChannelEventType type, UnaryOperator<Message> change,
                  CompletableFuture<Message> result) implements PendingWrite {
    }
}
