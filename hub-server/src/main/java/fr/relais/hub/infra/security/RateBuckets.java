package fr.relais.hub.infra.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where the token buckets of {@link RateLimits} live: this node's memory, or — with several nodes —
 * Redis, so that a limit holds for the whole cluster ({@code realtime.cluster.RedisRateBuckets}).
 */
public abstract class RateBuckets {
    protected abstract Bucket bucket(String namespace, String key, Supplier<BucketConfiguration> configuration);

    public abstract void forget(String namespace, String key);

    /** Takes a token; empty when allowed, else the seconds to wait. */
    public OptionalLong take(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        return answer(bucket(namespace, key, configuration), true);
    }

    /** Whether a token is there, without taking it; empty when allowed, else the seconds to wait. */
    public OptionalLong check(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        return answer(bucket(namespace, key, configuration), false);
    }

    /** Uses up a token if there is one (failed login attempts). */
    public void spend(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        bucket(namespace, key, configuration).tryConsume(1);
    }

    private static OptionalLong answer(Bucket bucket, boolean consume) {
        if (consume ? bucket.tryConsume(1) : bucket.getAvailableTokens() > 0) return OptionalLong.empty();
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
    }

    /** Buckets in this node's memory; bounded so that a flood of distinct keys cannot exhaust it. */
    public static final class InMemory extends RateBuckets {
        private static final int MAX_KEYS = 50_000;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        @Override
        protected Bucket bucket(String namespace, String key, Supplier<BucketConfiguration> configuration) {
            if (buckets.size() > MAX_KEYS) buckets.clear();
            return buckets.computeIfAbsent(namespace + ":" + key, k -> {
                var builder = Bucket.builder();
                for (var limit : configuration.get().getBandwidths()) builder.addLimit(limit);
                return builder.build();
            });
        }

        @Override
        public void forget(String namespace, String key) {
            buckets.remove(namespace + ":" + key);
        }
    }
}
