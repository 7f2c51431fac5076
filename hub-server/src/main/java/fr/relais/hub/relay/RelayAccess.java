package fr.relais.hub.relay;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who may do what with relay items — the one door of this feature.
 * <ul>
 *   <li>propose: every active person (not bots: they propose on behalf of a command's caller);</li>
 *   <li>review (comment as reviewer, ask for changes, approve, reject, release): national staff (admins,
 *       HQ staff, the national communication secretary) for everything; a federation coordinator for
 *       items that target only their own federation;</li>
 *   <li>see: the author and the reviewers of the item (others get {@code relay_item_not_found}).</li>
 * </ul>
 */
@Component
public class RelayAccess {
    public boolean mayPropose(User user) {
        return user.active() && !user.isBot();
    }

    public boolean mayReview(User user, RelayItem item) {
        if (!user.active() || user.isBot()) return false;
        if (user.isStaff()) return true;
        return user.has(Role.FEDERATION_COORDINATOR) && user.federation() != null
                && item.target().kind() == RelayItem.TargetKind.LIST && !item.target().federations().isEmpty()
                && item.target().federations().stream().allMatch(user::belongsTo);
    }

    public boolean isReviewer(User user) {
        return user.active() && !user.isBot() && (user.isStaff() || user.has(Role.FEDERATION_COORDINATOR));
    }

    public RelayItem requireVisible(User user, RelayItem item) {
        if (item.authorId().equals(user.id()) || mayReview(user, item)) return item;
        throw new RelaisException(ErrorCode.RELAY_ITEM_NOT_FOUND, "No such relay item");
    }

    public RelayItem requireReview(User user, RelayItem item) {
        requireVisible(user, item);
        if (!mayReview(user, item)) throw RelaisException.forbidden("Only HQ reviewers (or the federation's coordinator) review this item");
        return item;
    }
}
