package fr.relais.hub.chat;

import java.util.List;

/**
 * Where committed channel events go: live subscribers on this node and every other node, and the
 * local listeners (search index, notifications). Called by the channel's writer, once per batch, with
 * events already durable and in {@code seq} order. Implemented in {@code realtime}.
 */
public interface ChannelEventPublisher {
    void publish(List<ChannelEvent> events);
}
