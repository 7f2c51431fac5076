package fr.relais.hub.live;

import fr.relais.hub.realtime.LocalFanout;
import org.springframework.stereotype.Component;

/**
 * The live-state topic of a channel, {@code /topic/live.<channelId>} (readers of the channel only, see
 * {@code web.LiveDestinations}): live sessions ({@code live.*}) and meetings in progress
 * ({@code meeting.started} / {@code meeting.ended}). Unlike {@code /topic/channels.<id>} these events
 * carry no {@code seq}: they describe a state that clients can always reload with one REST call.
 */
@Component
public class LiveTopic {
    private final LocalFanout fanout;

    LiveTopic(LocalFanout fanout) {
        this.fanout = fanout;
    }

    public static String of(String channelId) {
        return "/topic/live." + channelId;
    }

    public void publish(String channelId, Object event) {
        fanout.toTopic(of(channelId), fanout.serialize(event));
    }
}
