package fr.relais.hub.realtime.cluster;

import fr.relais.hub.infra.security.RateBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;

/**
 * Rate-limit buckets shared by every node, in Redis (bucket4j's Lettuce integration, compare-and-swap).
 *
 * @implNote Keys: {@code relais:rate:<namespace>:<key>}, expiring a minute after the bucket would be
 * full again. When Redis cannot be reached the limit falls back to this node's memory rather than
 * letting everything through or refusing everything.
 */
class RedisRateBuckets extends RateBuckets implements DisposableBean {
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final LettuceBasedProxyManager<String> proxies;
    private final RateBuckets.InMemory fallback = new RateBuckets.InMemory();

    RedisRateBuckets(ClusterProperties properties) {
        this.client = RedisClient.create(properties.redisUrl());
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        connection.setTimeout(Duration.ofSeconds(1));
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    protected Bucket bucket(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        return proxies.builder().build("relais:rate:" + namespace + ":" + key, configuration);
    }

    @Override
    public OptionalLong take(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        try {
            return super.take(namespace, key, configuration);
        } catch (RuntimeException redisAway) {
            return fallback.take(namespace, key, configuration);
        }
    }

    @Override
    public OptionalLong check(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        try {
            return super.check(namespace, key, configuration);
        } catch (RuntimeException redisAway) {
            return fallback.check(namespace, key, configuration);
        }
    }

    @Override
    public void spend(String namespace, String key, Supplier<BucketConfiguration> configuration) {
        try {
            super.spend(namespace, key, configuration);
        } catch (RuntimeException redisAway) {
            fallback.spend(namespace, key, configuration);
        }
    }

    @Override
    public void forget(String namespace, String key) {
        fallback.forget(namespace, key);
        try {
            proxies.removeProxy("relais:rate:" + namespace + ":" + key);
        } catch (RuntimeException redisAway) {
            // expires by itself
        }
    }

    @Override
    public void destroy() {
        connection.close();
        client.shutdown();
    }
}
