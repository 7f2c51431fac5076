package fr.relais.hub.infra.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j) for the throttled operations, kept per node in memory:
 * <ul>
 *   <li>login attempts per remote address ({@code login-attempts-per-minute});</li>
 *   <li>failed logins per account ({@code login-failures-per-account} per {@code login-lockout}): when they
 *       are used up the account is locked out, then one more attempt is allowed every lockout/N (back-off);
 *       a successful login clears the count;</li>
 *   <li>personal access tokens and invitations per user ({@code tokens-per-hour});</li>
 *   <li>REST message posts per user ({@code posts-per-minute}).</li>
 * </ul>
 * Each check answers empty when allowed, or the seconds to wait (the {@code Retry-After} of the 429).
 */
@Component
public class RateLimits {
    private static final int MAX_KEYS = 50_000;

    private final SecurityProperties.RateLimits limits;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> tokens = new ConcurrentHashMap<>();
    private final Map<String, Bucket> posts = new ConcurrentHashMap<>();

    RateLimits(SecurityProperties properties) {
        this.limits = properties.rateLimits();
    }

    /** One login attempt from this address, and the account is not locked out. */
    public OptionalLong tryLogin(String remoteAddress, String username) {
        OptionalLong locked = waitFor(bucket(accounts, account(username), this::accountBucket), false);
        if (locked.isPresent()) return locked;
        return waitFor(bucket(addresses, remoteAddress, () -> simple(limits.loginAttemptsPerMinute(), Duration.ofMinutes(1))), true);
    }

    public void loginFailed(String username) {
        bucket(accounts, account(username), this::accountBucket).tryConsume(1);
    }

    public void loginSucceeded(String username) {
        accounts.remove(account(username));
    }

    public OptionalLong tryCreateToken(String userId) {
        return waitFor(bucket(tokens, userId, () -> simple(limits.tokensPerHour(), Duration.ofHours(1))), true);
    }

    public OptionalLong tryPost(String userId) {
        return waitFor(bucket(posts, userId, () -> simple(limits.postsPerMinute(), Duration.ofMinutes(1))), true);
    }

    private Bucket accountBucket() {
        return simple(limits.loginFailuresPerAccount(), limits.loginLockout());
    }

    private static Bucket simple(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    private static OptionalLong waitFor(Bucket bucket, boolean consume) {
        if (consume ? bucket.tryConsume(1) : bucket.getAvailableTokens() > 0) return OptionalLong.empty();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
    }

    private static Bucket bucket(Map<String, Bucket> map, String key, Supplier<Bucket> create) {
        if (map.size() > MAX_KEYS) map.clear(); // a flood of distinct keys must not exhaust memory
        return map.computeIfAbsent(key == null ? "" : key, k -> create.get());
    }

    private static String account(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
