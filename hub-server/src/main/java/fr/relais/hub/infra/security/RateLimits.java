package fr.relais.hub.infra.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j) for the throttled operations, kept in {@link RateBuckets}: this node's memory,
 * or Redis for the whole cluster when {@code REDIS_URL} is set:
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
    private final SecurityProperties.RateLimits limits;
    private final RateBuckets buckets;

    RateLimits(SecurityProperties properties, ObjectProvider<RateBuckets> buckets) {
        this.limits = properties.rateLimits();
        this.buckets = buckets.getIfAvailable(RateBuckets.InMemory::new);
    }

    /** One login attempt from this address, and the account is not locked out. */
    public OptionalLong tryLogin(String remoteAddress, String username) {
        OptionalLong locked = buckets.check("login-account", account(username), this::accountLimit);
        if (locked.isPresent()) return locked;
        return buckets.take("login-address", key(remoteAddress), () -> simple(limits.loginAttemptsPerMinute(), Duration.ofMinutes(1)));
    }

    public void loginFailed(String username) {
        buckets.spend("login-account", account(username), this::accountLimit);
    }

    public void loginSucceeded(String username) {
        buckets.forget("login-account", account(username));
    }

    public OptionalLong tryCreateToken(String userId) {
        return buckets.take("tokens", key(userId), () -> simple(limits.tokensPerHour(), Duration.ofHours(1)));
    }

    public OptionalLong tryPost(String userId) {
        return buckets.take("posts", key(userId), () -> simple(limits.postsPerMinute(), Duration.ofMinutes(1)));
    }

    /** Bots have their own, larger budget (a relay run posts in 102 channels). */
    public OptionalLong tryPost(fr.relais.hub.identity.User user) {
        if (!user.isBot()) return tryPost(user.id());
        return buckets.take("bot-posts", key(user.id()), () -> simple(limits.botPostsPerMinute(), Duration.ofMinutes(1)));
    }

    private BucketConfiguration accountLimit() {
        return simple(limits.loginFailuresPerAccount(), limits.loginLockout());
    }

    private static BucketConfiguration simple(int capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    private static String key(String key) {
        return key == null ? "" : key;
    }

    private static String account(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
