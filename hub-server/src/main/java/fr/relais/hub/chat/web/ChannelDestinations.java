package fr.relais.hub.chat.web;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.stomp.StompDestinations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Channel topics ({@code /topic/channels.<id>}, readers only) and channel SENDs ({@code send}, {@code typing}, {@code read}). */
@Component
class ChannelDestinations implements StompDestinations {
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("/topic/channels\\.([A-Za-z0-9_-]+)");
    private static final Pattern CHANNEL_SEND = Pattern.compile("/app/channels\\.([A-Za-z0-9_-]+)\\.(send|typing|read)");

    private final ChannelAccess access;

    ChannelDestinations(ChannelAccess access) {
        this.access = access;
    }

    @Override
    public boolean allowsSubscribe(User user, String destination) {
        Matcher m = CHANNEL_TOPIC.matcher(destination);
        if (!m.matches()) return false;
        access.requireRead(user, m.group(1));
        return true;
    }

    @Override
    public boolean handlesSend(String destination) {
        return CHANNEL_SEND.matcher(destination).matches();
    }
}
