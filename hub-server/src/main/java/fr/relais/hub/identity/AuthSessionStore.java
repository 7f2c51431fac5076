package fr.relais.hub.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence port for sessions and personal access tokens (tokens are stored as a SHA-256 digest only). */
public interface AuthSessionStore {
    void insert(AuthSession session, @Nullable String tokenDigest);

    Optional<AuthSession> findById(String id);

    Optional<AuthSession> findByTokenDigest(String tokenDigest);

    /** Sessions of the user not revoked and not expired at {@code now}, newest first. */
    List<AuthSession> findActive(String userId, Instant now);

    /** @return true if the session existed and was active */
    boolean revoke(String id, Instant at);

    /** Revokes every active session of the user; returns their ids. */
    List<String> revokeAll(String userId, Instant at);

    void touch(String id, Instant at);

    /** Keeps the identity provider's ID token of a browser session, for RP-initiated logout. */
    void setProviderIdToken(String id, String idToken);

    Optional<String> findProviderIdToken(String id);

    /**
     * Deletes sessions and tokens that ended (expired or were revoked) before {@code bound}; one that has
     * not ended is never touched. A deleted session is simply unknown, which every check treats as invalid.
     *
     * @return how many were deleted
     */
    long deleteEndedBefore(Instant bound);
}
