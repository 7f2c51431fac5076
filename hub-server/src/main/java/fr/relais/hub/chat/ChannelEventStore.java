package fr.relais.hub.chat;

import java.util.List;

/** Persistence port for events that change existing messages (edits, deletes, reactions, pins). */
public interface ChannelEventStore {
    void append(List<ChannelEvent> events);

    List<ChannelEvent> after(String channelId, long afterSeq, int limit);
}
