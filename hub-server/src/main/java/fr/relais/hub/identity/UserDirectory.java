package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.federations.FederationCatalog;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Looks people up and creates accounts. Users are cached by id because every STOMP frame and REST
 * call resolves its caller; the cache is invalidated on every change made through this class.
 */
@Service
public class UserDirectory {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    private final UserStore store;
    private final PasswordEncoder passwordEncoder;
    private final FederationCatalog federations;
    private final Clock clock;
    private final Map<String, User> byId = new ConcurrentHashMap<>();

    public UserDirectory(UserStore store, PasswordEncoder passwordEncoder, FederationCatalog federations, Clock clock) {
        this.store = store;
        this.passwordEncoder = passwordEncoder;
        this.federations = federations;
        this.clock = clock;
    }

    public User create(NewUser request) {
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw RelaisException.invalid("username must be 2 to 32 characters: lowercase letters, digits, '.', '_' or '-'");
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 80) {
            throw RelaisException.invalid("displayName must be 1 to 80 characters");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw RelaisException.invalid("at least one role is required");
        }
        if (request.federation() != null && federations.find(request.federation()).isEmpty()) {
            throw RelaisException.invalid("unknown federation: " + request.federation());
        }
        if (request.roles().contains(Role.FEDERATION_COORDINATOR) && request.federation() == null) {
            throw RelaisException.invalid("a federation coordinator needs a federation");
        }
        if (request.password() == null || request.password().length() < 10 || request.password().length() > 128) {
            throw RelaisException.invalid("password must be 10 to 128 characters");
        }
        User user = new User(store.newId(), username, request.displayName().trim(), request.federation(),
                request.roles(), true, clock.instant());
        User saved = store.insert(user, passwordEncoder.encode(request.password()));
        byId.put(saved.id(), saved);
        return saved;
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

    /** The user whose password matches, if active; the same answer for "no such user" and "wrong password". */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null) return Optional.empty();
        Optional<User> user = findByUsername(username.trim());
        if (user.isEmpty()) {
            passwordEncoder.matches(password, DUMMY_HASH); // same cost as a real check: no user enumeration by timing
            return Optional.empty();
        }
        String hash = store.passwordHash(user.get().id()).orElse(DUMMY_HASH);
        return user.filter(User::active).filter(u -> passwordEncoder.matches(password, hash));
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

    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0A0/7jCnrb1cYhbQeQ9Qa8S";
}
