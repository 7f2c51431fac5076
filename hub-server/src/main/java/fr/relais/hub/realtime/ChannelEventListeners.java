package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChannelEvent;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** Hands committed events to this node's {@link ChannelEventListener}s; one failing listener does not stop the others. */
@Component
public class ChannelEventListeners {
    private static final Logger log = LoggerFactory.getLogger(ChannelEventListeners.class);

    /** Resolved at first use (listeners depend on beans that depend on this) and kept: a bean look-up per batch showed in profiles. */
    private final Supplier<List<ChannelEventListener>> listeners;

    ChannelEventListeners(ObjectProvider<ChannelEventListener> listeners) {
        this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
    }

    /** @param storedHere false for events stored by another node: only listeners that want those hear them */
    public void notify(List<ChannelEvent> events, boolean storedHere) {
        listeners.get().stream().filter(l -> storedHere || l.onEveryNode()).forEach(listener -> {
            try {
                listener.onEvents(events);
            } catch (RuntimeException e) {
                log.error("Listener {} failed on {} events", listener.getClass().getSimpleName(), events.size(), e);
            }
        });
    }
}
