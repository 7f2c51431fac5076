package fr.relais.hub.presence;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.realtime.LocalFanout;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Relays "is typing" to the channel's subscribers, at most once per user and channel every
 * {@value #MIN_INTERVAL_MS} ms (clients send on every keystroke; others only need to know it goes on).
 * Clients show the indicator for about 5 seconds after the last event.
 */
@Component
public class TypingRelay {
    static final long MIN_INTERVAL_MS = 2_000;

    private final ChannelAccess access;
    private final LocalFanout fanout;
    private final Clock clock;
    private final Map<String, Long> lastRelayed = new ConcurrentHashMap<>();

    TypingRelay(ChannelAccess access, LocalFanout fanout, Clock clock) {
        this.access = access;
        this.fanout = fanout;
        this.clock = clock;
    }

    public void typing(User user, String channelId, String threadId) {
        access.require(user, channelId, ChannelAction.POST);
        long now = clock.millis();
        String key = user.id() + ":" + channelId;
        Long previous = lastRelayed.get(key);
        if (previous != null && now - previous < MIN_INTERVAL_MS) return;
        lastRelayed.put(key, now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "typing");
        event.put("channelId", channelId);
        event.put("threadId", threadId);
        event.put("user", UserRef.of(user));
        event.put("at", clock.instant().toString());
        fanout.toTopic("/topic/channels." + channelId, fanout.serialize(event));
        if (lastRelayed.size() > 100_000) lastRelayed.clear(); // bounded: entries only matter for two seconds
    }
}
