package fr.relais.hub.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person or bot as the rest of the hub sees them (never with their password hash).
 *
 * @param federation the federation code ("29", "2A", "FE"...), or null for national staff without one
 */
public record User(String id, String username, String displayName, @Nullable String federation,
                   Set<Role> roles, boolean active, Instant createdAt) implements java.io.Serializable {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** National admins and HQ staff: they read and post in every federation channel. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean isBot() {
        return roles.contains(Role.BOT);
    }

    /** Sympathisants, guests and bots: only channels they were added to (no role that opens more). */
    public boolean isInviteOnly() {
        return roles.stream().allMatch(Role::isInviteOnly);
    }

    public boolean belongsTo(String federationCode) {
        return federationCode.equals(federation);
    }
}
