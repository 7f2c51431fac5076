package fr.relais.hub.identity;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Opens, checks and revokes sessions and personal access tokens. Checking happens on every REST call
 * and STOMP CONNECT, so active sessions are cached for {@link #CACHE_FOR}; a revocation clears the
 * cache of every node at once through {@link AccessRevocations}, the cache time only bounds how long
 * a node that missed the event may keep accepting a revoked token.
 *
 * <p>A personal access token is shown once, at creation: the store only keeps its SHA-256 digest (the
 * token is 256 random bits, so a slow password hash would add nothing). A browser session's cookie
 * secret is kept the same way, so that any node can recognise the cookie: nothing of a browser
 * session lives in one node's memory.
 */
@Service
public class AuthSessions {
    public static final String PERSONAL_TOKEN_PREFIX = "rlspat_";
    public static final String BROWSER_SECRET_PREFIX = "rlsbs_";
    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthSessionStore store;
    private final AccessRevocations revocations;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Browser cookie digest → session id: a session's id never changes, whether it is active is checked by {@link #active}. */
    private final Map<String, String> browserSessionIds = new ConcurrentHashMap<>();

    private record Cached(AuthSession session, Instant loadedAt) {
    }

    public AuthSessions(AuthSessionStore store, AccessRevocations revocations) {
        this.store = store;
        this.revocations = revocations;
        this.clock = Clock.systemUTC(); // expiry is checked against real time, like the JWTs' exp
    }

    public AuthSession open(User user, AuthSession.Kind kind, String clientName, Duration ttl) {
        Instant now = clock.instant();
        AuthSession session = new AuthSession(UUID.randomUUID().toString(), user.id(), kind, truncate(clientName), now,
                now.plus(ttl), now, null);
        store.insert(session, null);
        return session;
    }

    public record NewPersonalToken(AuthSession session, String token) {
    }

    public NewPersonalToken createPersonalToken(User owner, String name, @Nullable Duration ttl) {
        if (name == null || name.isBlank() || name.strip().length() > 80) throw RelaisException.invalid("name must be 1 to 80 characters");
        String token = PERSONAL_TOKEN_PREFIX + randomToken();
        Instant now = clock.instant();
        AuthSession session = new AuthSession(UUID.randomUUID().toString(), owner.id(), AuthSession.Kind.PERSONAL_TOKEN,
                name.strip(), now, ttl == null ? null : now.plus(ttl), null, null);
        store.insert(session, digest(token));
        return new NewPersonalToken(session, token);
    }

    /** A browser session and the secret its cookie carries (shown once: the store keeps its digest). */
    public record NewBrowserSession(AuthSession session, String secret) {
    }

    public NewBrowserSession openBrowser(User user, String clientName, Duration ttl, @Nullable String providerIdToken) {
        String secret = BROWSER_SECRET_PREFIX + randomToken();
        Instant now = clock.instant();
        AuthSession session = new AuthSession(UUID.randomUUID().toString(), user.id(), AuthSession.Kind.BROWSER, truncate(clientName),
                now, now.plus(ttl), now, null);
        store.insert(session, digest(secret));
        if (providerIdToken != null) store.setProviderIdToken(session.id(), providerIdToken);
        return new NewBrowserSession(session, secret);
    }

    /** The active browser session a cookie secret stands for; looked up in the store once per session, then cached. */
    public Optional<AuthSession> authenticateBrowser(String secret) {
        if (secret == null || !secret.startsWith(BROWSER_SECRET_PREFIX)) return Optional.empty();
        String digest = digest(secret);
        String sessionId = browserSessionIds.get(digest);
        if (sessionId == null) {
            Optional<AuthSession> found = store.findByTokenDigest(digest).filter(s -> s.kind() == AuthSession.Kind.BROWSER);
            if (found.isEmpty()) return Optional.empty();
            sessionId = found.get().id();
            browserSessionIds.put(digest, sessionId);
        }
        Optional<AuthSession> active = active(sessionId);
        if (active.isEmpty()) browserSessionIds.remove(digest);
        return active;
    }

    /** The identity provider's ID token kept with a browser session, if it was opened by single sign-on. */
    public Optional<String> providerIdToken(String sessionId) {
        return store.findProviderIdToken(sessionId);
    }

    /** The active session a personal access token stands for. */
    public Optional<AuthSession> authenticatePersonalToken(String token) {
        if (token == null || !token.startsWith(PERSONAL_TOKEN_PREFIX)) return Optional.empty();
        Optional<AuthSession> session = store.findByTokenDigest(digest(token)).filter(s -> s.activeAt(clock.instant()));
        session.ifPresent(s -> store.touch(s.id(), clock.instant()));
        return session;
    }

    /** The session if it exists and is neither revoked nor expired (cached). */
    public Optional<AuthSession> active(String sessionId) {
        if (sessionId == null) return Optional.empty();
        Instant now = clock.instant();
        Cached cached = cache.get(sessionId);
        if (cached == null || cached.loadedAt().plus(CACHE_FOR).isBefore(now)) {
            AuthSession loaded = store.findById(sessionId).orElse(null);
            if (loaded == null) return Optional.empty();
            cached = new Cached(loaded, now);
            cache.put(sessionId, cached);
        }
        return Optional.of(cached.session()).filter(s -> s.activeAt(now));
    }

    public List<AuthSession> activeOf(String userId) {
        return store.findActive(userId, clock.instant());
    }

    /** Revokes one session of {@code owner} (their own, or any when the caller is allowed to). */
    public AuthSession revoke(String ownerId, String sessionId) {
        AuthSession session = store.findById(sessionId).filter(s -> s.userId().equals(ownerId))
                .orElseThrow(() -> new RelaisException(ErrorCode.NOT_FOUND, "No such session"));
        if (store.revoke(sessionId, clock.instant())) {
            cache.remove(sessionId);
            revocations.publish(new AccessRevoked.SessionRevoked(ownerId, sessionId));
        }
        return session;
    }

    /** Revokes every session and token of the user (deactivation, password reset). */
    public void revokeAll(String userId) {
        for (String id : store.revokeAll(userId, clock.instant())) {
            cache.remove(id);
            revocations.publish(new AccessRevoked.SessionRevoked(userId, id));
        }
    }

    @EventListener
    void onRevoked(AccessRevoked.SessionRevoked event) {
        cache.remove(event.sessionId());
    }

    /** 256 random bits, URL-safe base64. */
    private static String randomToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s) {
        if (s == null || s.isBlank()) return "";
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
