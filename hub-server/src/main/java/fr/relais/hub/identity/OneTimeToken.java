package fr.relais.hub.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A single-use, expiring link: an invitation (creates an account in {@code federation} with
 * {@code roles}) or a password reset (for {@code userId}). Only the SHA-256 digest of its secret is stored.
 */
public record OneTimeToken(String id, Purpose purpose, String createdBy, Instant createdAt, Instant expiresAt,
                           @Nullable Instant usedAt, @Nullable String federation, Set<Role> roles,
                           @Nullable String userId) {
    public enum Purpose { INVITATION, PASSWORD_RESET }

    public OneTimeToken {
        roles = Set.copyOf(roles);
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
