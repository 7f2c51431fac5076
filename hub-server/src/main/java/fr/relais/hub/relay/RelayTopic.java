package fr.relais.hub.relay;

import fr.relais.hub.realtime.LocalFanout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code /topic/relay}, for national staff: the review queue and the consigne boards change live.
 * Events: {@code relay.item.changed {item}}, {@code relay.delivered {itemId, federation, delivered, total}},
 * {@code consigne.acked {itemId, federation, state, by}}, {@code consigne.escalated {itemId, federation, stage}}.
 */
@Component
public class RelayTopic {
    public static final String DESTINATION = "/topic/relay";
    private final LocalFanout fanout;

    RelayTopic(LocalFanout fanout) {
        this.fanout = fanout;
    }

    void itemChanged(RelayItem item) {
        publish("relay.item.changed", "item", RelayViews.item(item));
    }

    void publish(String type, Object... keyValues) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        for (int i = 0; i + 1 < keyValues.length; i += 2) event.put((String) keyValues[i], keyValues[i + 1]);
        fanout.toTopic(DESTINATION, fanout.serialize(event));
    }
}
