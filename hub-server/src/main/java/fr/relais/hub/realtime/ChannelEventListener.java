package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChannelEvent;
import java.util.List;

/**
 * Something on this node that reacts to committed channel events (search index, notifications).
 * Called on the writer's thread after fan-out: must be quick, hand heavy work to its own thread.
 */
public interface ChannelEventListener {
    void onEvents(List<ChannelEvent> events);

    /**
     * With several nodes: whether this listener also wants the events stored by other nodes. True for
     * per-node state such as the search index; false (the default) for side effects that must happen
     * once, such as notifications, which run on the node that stored the event.
     */
    default boolean onEveryNode() {
        return false;
    }
}
