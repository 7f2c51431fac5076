package fr.relais.hub.chat;

/**
 * Something that happened in a channel, numbered with the channel's next {@code seq}: a client that
 * has seen every event up to some seq is exactly up to date. {@code message} is the message's state
 * right after the event.
 */
public record ChannelEvent(ChannelEventType type, String channelId, long seq, Message message) {
}
