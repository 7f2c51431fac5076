package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChannelEvent;
import java.util.List;

/**
 * Something on this node that reacts to committed channel events (search index, notifications).
 * Called on the writer's thread after fan-out: must be quick, hand heavy work to its own thread.
 */
public interface ChannelEventListener {
    void onEvents(List<ChannelEvent> events);
}
