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

    String newId();
}
