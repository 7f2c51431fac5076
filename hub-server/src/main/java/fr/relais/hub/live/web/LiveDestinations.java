package fr.relais.hub.live.web;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.stomp.StompDestinations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@code /topic/live.<channelId>} (readers of the channel) and the reaction SEND {@code /app/live.<channelId>.react}. */
@Component
class LiveDestinations implements StompDestinations {
    private static final Pattern LIVE_TOPIC = Pattern.compile("/topic/live\\.([A-Za-z0-9_-]+)");
    private static final Pattern LIVE_SEND = Pattern.compile("/app/live\\.([A-Za-z0-9_-]+)\\.react");

    private final ChannelAccess access;

    LiveDestinations(ChannelAccess access) {
        this.access = access;
    }

    @Override
    public boolean allowsSubscribe(User user, String destination) {
        Matcher m = LIVE_TOPIC.matcher(destination);
        if (!m.matches()) return false;
        access.requireRead(user, m.group(1));
        return true;
    }

    @Override
    public boolean handlesSend(String destination) {
        return LIVE_SEND.matcher(destination).matches();
    }
}
