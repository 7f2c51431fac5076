package fr.relais.hub.identity;

import java.util.List;
import java.util.Optional;

/** Persistence port for users (implemented in {@code store/}). */
public interface UserStore {
    /** @throws fr.relais.hub.common.RelaisException with CONFLICT when the username is taken */
    User insert(User user, String passwordHash);

    Optional<User> findById(String id);

    Optional<User> findByUsername(String username);

    Optional<String> passwordHash(String userId);

    List<User> findByIds(List<String> ids);

    List<User> search(String usernamePrefix, int limit);

    List<User> findByFederation(String federation, int limit);

    long count();

    /** Saves displayName, federation, roles and active of an existing user. */
    void update(User user);

    void setPasswordHash(String userId, String passwordHash);

    /** Users signed in through the party's identity provider, by {@code issuer + "|" + subject}. */
    Optional<User> findByExternalId(String externalId);

    /** Inserts a user of the identity provider (no local password); CONFLICT if the username is taken. */
    User insertExternal(User user, String externalId);

    Optional<TotpEnrolment> totp(String userId);

    void saveTotp(String userId, @org.jspecify.annotations.Nullable TotpEnrolment enrolment);

    /**
     * Replaces the stored secret only if it is still {@code expected} (a concurrent disable or new enrolment
     * wins); the enrolment's state is left as it is.
     */
    void replaceTotpSecret(String userId, String expected, String replacement);

    /**
     * A user's TOTP secret as stored (sealed, see {@code TotpSecrets}; in clear base32 if written before
     * secrets were sealed) and whether it was confirmed (only then is a code required to log in).
     */
    record TotpEnrolment(String secret, boolean enabled) {
    }

    String newId();
}
