package fr.relais.hub.realtime.cluster;

import fr.relais.hub.channels.ChannelStore;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventPublisher;
import fr.relais.hub.chat.ChannelHistory;
import fr.relais.hub.chat.web.ChannelEventResponse;
import fr.relais.hub.realtime.ChannelEventListeners;
import fr.relais.hub.realtime.FanoutShards;
import fr.relais.hub.realtime.LocalFanout;
import fr.relais.hub.realtime.TopicSubscriptions;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;

/**
 * Channel events with several nodes: each committed event is published once to the bus and, like the
 * events arriving from other nodes, goes through the {@link ChannelSequencer} before local delivery.
 * Local listeners hear every event stored on this node; listeners that keep per-node state (the search
 * index) also hear events stored elsewhere.
 */
class ClusterChannelEventPublisher implements ChannelEventPublisher, DisposableBean {
    private final ClusterBus bus;
    private final LocalFanout fanout;
    private final FanoutShards shards;
    private final ChannelEventListeners listeners;
    private final ChannelSequencer sequencer;

    ClusterChannelEventPublisher(ClusterBus bus, ClusterProperties properties, LocalFanout fanout, FanoutShards shards,
                                 TopicSubscriptions subscriptions, ChannelHistory history,
                                 ChannelEventListeners listeners, ChannelStore channels) {
        this.bus = bus;
        this.fanout = fanout;
        this.shards = shards;
        this.listeners = listeners;
        this.sequencer = new ChannelSequencer(properties.holdBackMs(), history,
                e -> fanout.serialize(ChannelEventResponse.of(e)), this::deliver);
        bus.onReceive(envelope -> {
            if (envelope.kind() == Envelope.Kind.CHANNEL_EVENT) {
                sequencer.accept(new ChannelSequencer.Ready(envelope.key(), envelope.seq(), envelope.payload(), null, false));
            }
        });
        subscriptions.onFirstSubscriber(destination -> {
            if (destination.startsWith(TOPIC_PREFIX)) {
                String channelId = destination.substring(TOPIC_PREFIX.length());
                sequencer.start(channelId, channels.lastSeq(channelId));
            }
        });
        bus.onReconnect(() -> sequencer.catchUp(subscriptions.destinations().stream()
                .filter(d -> d.startsWith(TOPIC_PREFIX)).map(d -> d.substring(TOPIC_PREFIX.length())).toList()));
    }

    private static final String TOPIC_PREFIX = "/topic/channels.";

    @Override
    public void publish(List<ChannelEvent> events) {
        for (ChannelEvent event : events) {
            byte[] json = fanout.serialize(ChannelEventResponse.of(event));
            bus.publish(new Envelope(Envelope.Kind.CHANNEL_EVENT, bus.nodeId(), System.currentTimeMillis(),
                    event.channelId(), event.seq(), "", json));
            sequencer.accept(new ChannelSequencer.Ready(event.channelId(), event.seq(), json, event, true));
        }
        listeners.notify(events, true);
    }

    private void deliver(ChannelSequencer.Ready ready, boolean repaired) {
        shards.deliver(TOPIC_PREFIX + ready.channelId(), ready.json());
        if (!ready.local()) {
            ChannelEvent event = ready.event() != null ? ready.event() : ChannelEventResponse.parse(ready.json(), fanout);
            listeners.notify(List.of(event), false);
        }
    }

    @Override
    public void destroy() {
        sequencer.shutdown();
    }
}
