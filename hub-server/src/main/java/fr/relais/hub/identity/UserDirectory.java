package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.FederationCatalog;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Looks people up, creates accounts and changes what they are. Users are cached by id because every
 * STOMP frame and REST call resolves its caller; the cache is invalidated on every change made through
 * this class and on every {@link AccessRevoked} event (which is how changes made on other nodes arrive).
 */
@Service
public class UserDirectory {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final UserStore store;
    private final PasswordEncoder passwordEncoder;
    private final FederationCatalog federations;
    private final AuthSessions sessions;
    private final AccessRevocations revocations;
    private final Clock clock;
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final String dummyHash;

    public UserDirectory(UserStore store, PasswordEncoder passwordEncoder, FederationCatalog federations,
                         AuthSessions sessions, AccessRevocations revocations, Clock clock) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        this.federations = federations;
        this.sessions = sessions;
        this.revocations = revocations;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode("no-such-user-" + System.nanoTime());
    }

    public User create(NewUser request) {
        String username = normaliseUsername(request.username());
        checkProfile(request.displayName(), request.federation(), request.roles());
        PasswordPolicy.check(username, request.password());
        User user = new User(store.newId(), username, request.displayName().trim(), request.federation(),
                request.roles(), true, clock.instant());
        User saved = store.insert(user, passwordEncoder.encode(request.password()));
        byId.put(saved.id(), saved);
        return saved;
    }

    /**
     * The account linked to this identity at the provider, created on first login and brought up to
     * date (name, federation, roles) on later ones. A role or federation change ends the user's live
     * connections so every subscription is authorised again.
     */
    public User provision(ExternalIdentity identity) {
        Optional<User> existing = store.findByExternalId(identity.externalId());
        Set<Role> roles = identity.roles().isEmpty() ? Set.of(Role.SYMPATHISANT) : identity.roles();
        String federation = identity.federation() != null && federations.find(identity.federation()).isPresent()
                ? identity.federation() : null;
        if (roles.contains(Role.FEDERATION_COORDINATOR) && federation == null) {
            roles = roles.stream().filter(r -> r != Role.FEDERATION_COORDINATOR).collect(java.util.stream.Collectors.toSet());
            if (roles.isEmpty()) roles = Set.of(Role.MEMBER);
        }
        String displayName = identity.displayName() == null || identity.displayName().isBlank()
                ? identity.username() : identity.displayName().strip();
        if (displayName.length() > 80) displayName = displayName.substring(0, 80);
        if (existing.isEmpty()) {
            User user = new User(store.newId(), availableUsername(identity.username()), displayName, federation, roles,
                    true, clock.instant());
            User saved = store.insertExternal(user, identity.externalId());
            byId.put(saved.id(), saved);
            return saved;
        }
        User current = existing.get();
        User updated = new User(current.id(), current.username(), displayName, federation, roles, current.active(),
                current.createdAt());
        if (!updated.equals(current)) {
            store.update(updated);
            byId.put(updated.id(), updated);
            if (!Objects.equals(current.federation(), federation) || !current.roles().equals(roles)) {
                revocations.publish(new AccessRevoked.RolesChanged(current.id()));
            }
        }
        return updated;
    }

    public User changeRoles(String userId, Set<Role> roles, String federation) {
        User current = require(userId);
        checkProfile(current.displayName(), federation, roles);
        User updated = new User(current.id(), current.username(), current.displayName(), federation, roles,
                current.active(), current.createdAt());
        store.update(updated);
        byId.put(updated.id(), updated);
        revocations.publish(new AccessRevoked.RolesChanged(userId));
        return updated;
    }

    /** Deactivates the account: every session and token is revoked and every live connection closed. */
    public User deactivate(String userId) {
        User current = require(userId);
        User updated = new User(current.id(), current.username(), current.displayName(), current.federation(),
                current.roles(), false, current.createdAt());
        store.update(updated);
        byId.put(updated.id(), updated);
        sessions.revokeAll(userId);
        revocations.publish(new AccessRevoked.UserDeactivated(userId));
        return updated;
    }

    public User reactivate(String userId) {
        User current = require(userId);
        User updated = new User(current.id(), current.username(), current.displayName(), current.federation(),
                current.roles(), true, current.createdAt());
        store.update(updated);
        byId.put(updated.id(), updated);
        return updated;
    }

    /** Sets a new local password and ends every session (a reset is what one does after a compromise). */
    public void setPassword(String userId, String newPassword) {
        User user = require(userId);
        PasswordPolicy.check(user.username(), newPassword);
        store.setPasswordHash(userId, passwordEncoder.encode(newPassword));
        sessions.revokeAll(userId);
    }

    public boolean passwordMatches(User user, String password) {
        if (password == null) return false;
        return store.passwordHash(user.id()).filter(Objects::nonNull).map(h -> passwordEncoder.matches(password, h)).orElse(false);
    }

    public Optional<User> findById(String id) {
        User cached = byId.get(id);
        if (cached != null) return Optional.of(cached);
        Optional<User> loaded = store.findById(id);
        loaded.ifPresent(u -> byId.put(u.id(), u));
        return loaded;
    }

    public User require(String id) {
        return findById(id).orElseThrow(() -> new RelaisException(ErrorCode.USER_NOT_FOUND, "No such user"));
    }

    public Optional<User> findByUsername(String username) {
        return store.findByUsername(username.toLowerCase(Locale.ROOT));
    }

    public List<User> findByUsernames(Collection<String> usernames) {
        return usernames.stream().map(this::findByUsername).flatMap(Optional::stream).toList();
    }

    /**
     * The user whose password matches, if active; the same answer, at the same cost, for "no such user",
     * "no local password" and "wrong password".
     */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        Optional<User> user = findByUsername(username.trim());
        Optional<String> hash = user.flatMap(u -> store.passwordHash(u.id()));
        // Always one hash check of the same cost: no user enumeration by timing.
        boolean matches = passwordEncoder.matches(password, hash.orElse(dummyHash)) && hash.isPresent();
        return user.filter(User::active).filter(u -> matches);
    }

    public List<User> search(String prefix, int limit) {
        return store.search(prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT), Math.min(Math.max(limit, 1), 50));
    }

    public List<User> findByIds(List<String> ids) {
        return store.findByIds(ids);
    }

    public List<User> findByFederation(String federation, int limit) {
        return store.findByFederation(federation, limit);
    }

    public boolean isEmpty() {
        return store.count() == 0;
    }

    /** A change made on another node: forget what this node cached about the user. */
    @EventListener
    void onRevoked(AccessRevoked event) {
        if (!(event instanceof AccessRevoked.SessionRevoked) && !(event instanceof AccessRevoked.MemberExcluded)) {
            byId.remove(event.userId());
        }
    }

    private void checkProfile(String displayName, String federation, Set<Role> roles) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 80) {
            throw RelaisException.invalid("displayName must be 1 to 80 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw RelaisException.invalid("at least one role is required");
        }
        if (federation != null && federations.find(federation).isEmpty()) {
            throw RelaisException.invalid("unknown federation: " + federation);
        }
        if ((roles.contains(Role.FEDERATION_COORDINATOR) || roles.contains(Role.REGIONAL_DELEGATE)) && federation == null) {
            throw RelaisException.invalid("a federation coordinator or regional delegate needs a federation");
        }
    }

    static String normaliseUsername(String raw) {
        String username = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw RelaisException.invalid("username must be 2 to 32 characters: lowercase letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    /** The provider's username made valid here, with a suffix when a local account already has it. */
    private String availableUsername(String wanted) {
        String base = (wanted == null ? "" : wanted).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) base = "user";
        if (base.length() > 26) base = base.substring(0, 26);
        String candidate = base;
        for (int i = 2; store.findByUsername(candidate).isPresent(); i++) candidate = base + "-" + i;
        return candidate;
    }

}
