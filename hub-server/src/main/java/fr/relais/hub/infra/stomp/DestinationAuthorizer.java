package fr.relais.hub.infra.stomp;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The map of STOMP destinations: which a client may subscribe to, and which SEND destinations the hub
 * handles. Channel topics are authorised by {@link ChannelAccess}, like every other channel read.
 */
@Component
class DestinationAuthorizer {
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("/topic/channels\\.([A-Za-z0-9_-]+)");
    private static final Pattern CHANNEL_SEND = Pattern.compile("/app/channels\\.([A-Za-z0-9_-]+)\\.(send|typing|read)");
    private static final Set<String> PERSONAL = Set.of("/user/queue/events", "/user/queue/errors", "/topic/presence");
    private static final Set<String> OTHER_SENDS = Set.of("/app/presence");

    private final ChannelAccess access;

    DestinationAuthorizer(ChannelAccess access) {
        this.access = access;
    }

    void checkSubscribe(User user, String destination) {
        if (PERSONAL.contains(destination)) return;
        Matcher m = CHANNEL_TOPIC.matcher(destination);
        if (m.matches()) {
            access.requireRead(user, m.group(1));
            return;
        }
        throw new RelaisException(ErrorCode.UNKNOWN_DESTINATION, "Cannot subscribe to " + destination);
    }

    boolean isHandledSend(String destination) {
        return OTHER_SENDS.contains(destination) || CHANNEL_SEND.matcher(destination).matches();
    }
}
