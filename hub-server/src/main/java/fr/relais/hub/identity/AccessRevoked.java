package fr.relais.hub.identity;

/**
 * Access taken away from someone, to be enforced at once on every node: the live connections it
 * concerns are closed (or, for a channel exclusion, lose that channel's subscriptions) and caches
 * drop what they knew. Published through {@link AccessRevocations}.
 */
public sealed interface AccessRevoked {
    String userId();

    /** A login session or personal access token was revoked (by its owner, an admin, logout or a password reset). */
    record SessionRevoked(String userId, String sessionId) implements AccessRevoked {
    }

    /** The account was deactivated: every session and connection of the user ends. */
    record UserDeactivated(String userId) implements AccessRevoked {
    }

    /** Roles or federation changed: connections are closed so that every subscription is authorised again. */
    record RolesChanged(String userId) implements AccessRevoked {
    }

    /** The user was excluded from one channel under the charter: that channel's subscriptions are dropped. */
    record MemberExcluded(String userId, String channelId) implements AccessRevoked {
    }
}
