package fr.relais.hub.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One way a user is signed in: a password login (bearer token), a browser session (single sign-on or
 * cookie), or a personal access token. Every access token names its session ({@code sid}), so revoking
 * the session ends the token, and the live connections opened with it, at once.
 *
 * @param name      the personal access token's name, or the client (user agent) that logged in
 * @param expiresAt null for personal access tokens without an expiry
 */
public record AuthSession(String id, String userId, Kind kind, String name, Instant createdAt,
                          @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    public enum Kind {
        /** {@code POST /api/v1/auth/token}: username, password (and TOTP code). */
        PASSWORD,
        /** Browser session from the party's single sign-on (cookie). */
        BROWSER,
        /** A personal access token for scripts. */
        PERSONAL_TOKEN
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
