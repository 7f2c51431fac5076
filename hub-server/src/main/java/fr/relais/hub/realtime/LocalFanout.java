package fr.relais.hub.realtime;

import fr.relais.hub.realtime.cluster.ClusterBus;
import fr.relais.hub.realtime.cluster.Envelope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers unnumbered events (topics other than stored channel events, personal queues) to the STOMP
 * subscribers of this node and, when several nodes share a Redis bus, of every node. Payloads are
 * serialised to JSON once per event; topic frames are written by {@link FanoutShards}; personal queues
 * ({@code /user/...}) go through Spring's user-destination resolution on each node.
 */
@Component
public class LocalFanout {
    private final SimpMessagingTemplate template;
    private final FanoutShards shards;
    private final JsonMapper json;
    private final ClusterBus bus;

    LocalFanout(SimpMessagingTemplate template, FanoutShards shards, JsonMapper json, ObjectProvider<ClusterBus> bus) {
        this.template = template;
        this.shards = shards;
        this.json = json;
        this.bus = bus.getIfAvailable();
        if (this.bus != null) {
            this.bus.onReceive(envelope -> {
                switch (envelope.kind()) {
                    case TOPIC -> shards.deliver(envelope.key(), envelope.payload());
                    case USER -> sendToUser(envelope.key(), envelope.target(), envelope.payload());
                    default -> { }
                }
            });
        }
    }

    public byte[] serialize(Object payload) {
        return json.writeValueAsBytes(payload);
    }

    public <T> T deserialize(byte[] bytes, Class<T> type) {
        return json.readValue(bytes, type);
    }

    /** Any {@code /topic/...} destination, on every node. */
    public void toTopic(String destination, byte[] jsonPayload) {
        shards.deliver(destination, jsonPayload);
        if (bus != null) {
            bus.publish(new Envelope(Envelope.Kind.TOPIC, bus.nodeId(), System.currentTimeMillis(), destination, 0, "", jsonPayload));
        }
    }

    /** A person's queue ({@code /queue/events}...), on whichever nodes they are connected to. */
    public void toUser(String userId, String queue, Object payload) {
        byte[] bytes = serialize(payload);
        sendToUser(userId, queue, bytes);
        if (bus != null) {
            bus.publish(new Envelope(Envelope.Kind.USER, bus.nodeId(), System.currentTimeMillis(), userId, 0, queue, bytes));
        }
    }

    private void sendToUser(String userId, String queue, byte[] bytes) {
        template.send("/user/" + userId + queue, MessageBuilder.createMessage(bytes, jsonHeaders()));
    }

    private static MessageHeaders jsonHeaders() {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }
}
