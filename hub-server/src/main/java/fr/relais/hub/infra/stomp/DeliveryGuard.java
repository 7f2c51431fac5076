package fr.relais.hub.infra.stomp;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * The last check before a channel event leaves for a client (outbound channel): the connection's user
 * must still be allowed to READ the channel. A subscription authorised before an exclusion, a
 * deactivation or a role change therefore never delivers anything after it, even in the moment before
 * {@link LiveConnections} has removed it. The check is in memory (cached user, channel and exclusions).
 */
@Component
class DeliveryGuard implements ChannelInterceptor {
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("/topic/channels\\.([A-Za-z0-9_-]+)");

    private final LiveConnections sessions;
    private final UserDirectory users;
    private final ChannelDirectory channels;
    private final ChannelAccess access;

    DeliveryGuard(LiveConnections sessions, UserDirectory users, ChannelDirectory channels, ChannelAccess access) {
        this.sessions = sessions;
        this.users = users;
        this.channels = channels;
        this.access = access;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) return message;
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        if (destination == null) return message;
        Matcher m = CHANNEL_TOPIC.matcher(destination);
        if (!m.matches()) return message;
        String userId = sessions.userOf(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()));
        if (userId == null) return null;
        User user = users.findById(userId).orElse(null);
        boolean allowed = user != null && channels.find(m.group(1)).map(c -> access.allows(user, c, ChannelAction.READ)).orElse(false);
        return allowed ? message : null;
    }
}
