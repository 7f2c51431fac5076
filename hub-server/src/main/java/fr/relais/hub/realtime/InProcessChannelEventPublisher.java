package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventPublisher;
import fr.relais.hub.chat.web.ChannelEventResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Single-node delivery (no Redis configured): each committed event goes to {@code /topic/channels.<id>}
 * on this node, then to the local listeners.
 */
@Component
class InProcessChannelEventPublisher implements ChannelEventPublisher {
    private final LocalFanout fanout;
    private final ChannelEventListeners listeners;
    private final Counter published;

    InProcessChannelEventPublisher(LocalFanout fanout, ChannelEventListeners listeners, MeterRegistry registry) {
        this.fanout = fanout;
        this.listeners = listeners;
        this.published = Counter.builder("relais.events.published").description("Channel events fanned out").register(registry);
    }

    @Override
    public void publish(List<ChannelEvent> events) {
        for (ChannelEvent event : events) {
            fanout.toTopic("/topic/channels." + event.channelId(), fanout.serialize(ChannelEventResponse.of(event)));
        }
        published.increment(events.size());
        listeners.notify(events, true);
    }
}
