package fr.relais.hub.meetings;

import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Who is invited to a meeting: any mix of named users, everyone with a role, everyone of some
 * federations, and everyone who may read a channel. Resolved when asked (a coordinator appointed
 * tomorrow is invited to next week's meeting of coordinators).
 */
public record Invitees(Set<String> userIds, Set<Role> roles, Set<String> federations, @Nullable String channelId) {
    public Invitees {
        userIds = userIds == null ? Set.of() : Set.copyOf(userIds);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        federations = federations == null ? Set.of() : Set.copyOf(federations);
        if (channelId != null && channelId.isBlank()) channelId = null;
    }

    public boolean isEmpty() {
        return userIds.isEmpty() && roles.isEmpty() && federations.isEmpty() && channelId == null;
    }

    /**
     * @param readsChannel whether the user may read a given channel (the channel rule of the invitation)
     */
    public boolean includes(User user, Predicate<String> readsChannel) {
        if (!user.active()) return false;
        if (userIds.contains(user.id())) return true;
        if (user.roles().stream().anyMatch(roles::contains)) return true;
        if (user.federation() != null && federations.contains(user.federation())) return true;
        return channelId != null && readsChannel.test(channelId);
    }
}
