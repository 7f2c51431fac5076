package fr.relais.hub.channels;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.Federation;
import fr.relais.hub.federations.FederationCatalog;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The one place that says who may read, post, react, moderate and administer where. Every transport
 * asks here: REST controllers, STOMP SUBSCRIBE and SEND, delivery of live events, history, search.
 * Functions named {@code require*} throw; a channel the user may not read is reported as "not found"
 * so private groups stay invisible.
 *
 * <p>The table (docs/api.md "Identity and access" has it as a grid; {@code ChannelAccessTableTest} checks it):
 * <ul>
 *   <li><b>READ</b>: explicit members of any channel; FEDERATION channels also their federation's people,
 *       the regional delegates of its region and national staff (admin, HQ staff, communication
 *       secretary); NATIONAL channels every non-guest. PRIVATE and DIRECT: members only. Sympathisants,
 *       guests and bots: only channels they were added to. An exclusion removes read access whatever
 *       the role (national admins cannot be excluded).</li>
 *   <li><b>REACT</b>: whoever reads.</li>
 *   <li><b>POST</b>: whoever reads, except in read-only (announcement) channels where only national
 *       staff and the channel's moderators post.</li>
 *   <li><b>MODERATE</b>: national admins (not in DMs); HQ staff and the federation's own coordinator in a
 *       FEDERATION channel; HQ staff and the communication secretary in NATIONAL channels; the creator
 *       of a PRIVATE group. Nobody in DMs.</li>
 *   <li><b>ADMIN</b>: national admins (not in DMs); the federation's own coordinator in a FEDERATION
 *       channel; HQ staff in NATIONAL channels; the creator of a PRIVATE group.</li>
 * </ul>
 */
@Component
public class ChannelAccess {
    private final ChannelDirectory channels;
    private final ChannelExclusions exclusions;
    private final FederationCatalog federations;

    public ChannelAccess(ChannelDirectory channels, ChannelExclusions exclusions, FederationCatalog federations) {
        this.channels = channels;
        this.exclusions = exclusions;
        this.federations = federations;
    }

    public boolean allows(User user, Channel channel, ChannelAction action) {
        if (!user.active()) return false;
        if (!canRead(user, channel)) return false;
        return switch (action) {
            case READ, REACT -> true;
            case POST -> !channel.readOnly() || user.isStaff() || canModerate(user, channel);
            case MODERATE -> canModerate(user, channel) || canAdmin(user, channel);
            case ADMIN -> canAdmin(user, channel);
        };
    }

    private boolean canRead(User user, Channel channel) {
        if (exclusions.isExcluded(channel.id(), user.id())) return false;
        if (channel.hasMember(user.id())) return true;
        if (user.isInviteOnly()) return false;
        return switch (channel.kind()) {
            case PRIVATE, DIRECT -> false;
            case FEDERATION -> user.isStaff() || user.belongsTo(channel.federation())
                    || (user.has(Role.REGIONAL_DELEGATE) && sameRegion(user.federation(), channel.federation()));
            case NATIONAL -> true;
        };
    }

    private static boolean canModerate(User user, Channel channel) {
        if (user.has(Role.NATIONAL_ADMIN)) return channel.kind() != ChannelKind.DIRECT;
        return switch (channel.kind()) {
            case FEDERATION -> user.has(Role.HQ_STAFF) || isOwnCoordinator(user, channel);
            case NATIONAL -> user.has(Role.HQ_STAFF) || user.has(Role.NATIONAL_COMMUNICATION_SECRETARY);
            case PRIVATE -> user.id().equals(channel.createdBy());
            case DIRECT -> false;
        };
    }

    private static boolean canAdmin(User user, Channel channel) {
        if (user.has(Role.NATIONAL_ADMIN)) return channel.kind() != ChannelKind.DIRECT;
        return switch (channel.kind()) {
            case FEDERATION -> isOwnCoordinator(user, channel);
            case NATIONAL -> user.has(Role.HQ_STAFF);
            case PRIVATE -> user.id().equals(channel.createdBy());
            case DIRECT -> false;
        };
    }

    private static boolean isOwnCoordinator(User user, Channel channel) {
        return user.has(Role.FEDERATION_COORDINATOR) && channel.federation() != null && user.belongsTo(channel.federation());
    }

    private boolean sameRegion(String userFederation, String channelFederation) {
        if (userFederation == null || channelFederation == null) return false;
        String mine = federations.find(userFederation).map(Federation::region).orElse(null);
        String theirs = federations.find(channelFederation).map(Federation::region).orElse(null);
        return mine != null && Objects.equals(mine, theirs);
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
                case ADMIN -> "Only the channel's administrators may do this";
                default -> "You may not do this in this channel";
            });
        }
        return channel;
    }
}
