package fr.relais.hub.channels;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import org.springframework.stereotype.Component;

/**
 * The one place that says who may read, post, react and moderate where. Every transport asks here:
 * REST controllers, STOMP SUBSCRIBE and SEND, history, search. Functions named {@code require*}
 * throw; a channel the user may not read is reported as "not found" so private groups stay invisible.
 */
@Component
public class ChannelAccess {
    private final ChannelDirectory channels;

    public ChannelAccess(ChannelDirectory channels) {
        this.channels = channels;
    }

    public boolean allows(User user, Channel channel, ChannelAction action) {
        if (!user.active()) return false;
        boolean read = canRead(user, channel);
        return switch (action) {
            case READ -> read;
            case REACT -> read;
            case POST -> read && (!channel.readOnly() || user.isStaff());
            case MODERATE -> read && canModerate(user, channel);
        };
    }

    private static boolean canRead(User user, Channel channel) {
        if (channel.hasMember(user.id())) return true;
        return switch (channel.kind()) {
            case PRIVATE, DIRECT -> false;
            case FEDERATION -> !user.isBot() && (user.isStaff() || user.belongsTo(channel.federation()));
            case NATIONAL -> !user.isBot();
        };
    }

    private static boolean canModerate(User user, Channel channel) {
        if (user.has(Role.NATIONAL_ADMIN)) return channel.kind() != ChannelKind.DIRECT;
        return switch (channel.kind()) {
            case FEDERATION -> user.has(Role.HQ_STAFF)
                    || (user.has(Role.FEDERATION_COORDINATOR) && user.belongsTo(channel.federation()));
            case NATIONAL -> user.has(Role.HQ_STAFF);
            case PRIVATE -> user.id().equals(channel.createdBy());
            case DIRECT -> false;
        };
    }

    /** The channel, if the user may read it; otherwise CHANNEL_NOT_FOUND (never reveals that it exists). */
    public Channel requireRead(User user, String channelId) {
        Channel channel = channels.find(channelId).orElse(null);
        if (channel == null || !allows(user, channel, ChannelAction.READ)) {
            throw new RelaisException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: " + channelId);
        }
        return channel;
    }

    public Channel require(User user, String channelId, ChannelAction action) {
        Channel channel = requireRead(user, channelId);
        if (!allows(user, channel, action)) {
            throw RelaisException.forbidden(switch (action) {
                case POST -> "This channel is read-only for you";
                case MODERATE -> "Only the channel's moderators may do this";
                default -> "You may not do this in this channel";
            });
        }
        return channel;
    }
}
