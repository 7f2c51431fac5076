package fr.relais.hub.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for invitations and password-reset links. */
public interface OneTimeTokenStore {
    void insert(OneTimeToken token, String secretDigest);

    Optional<OneTimeToken> findBySecretDigest(String secretDigest);

    /** Marks the token used if it is still unused and unexpired, atomically; false if someone was first. */
    boolean consume(String id, Instant now);

    /** Makes a consumed token usable again (the account it was for could not be created after all). */
    void release(String id);

    List<OneTimeToken> findByCreator(String userId, OneTimeToken.Purpose purpose, int limit);

    /**
     * Deletes links used or expired before {@code bound}; a link still usable is never touched.
     *
     * @return how many were deleted
     */
    long deleteEndedBefore(Instant bound);
}
