package fr.relais.hub.realtime.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param redisUrl   {@code REDIS_URL}, e.g. {@code redis://redis.internal:6379}; empty = single node
 * @param holdBackMs how long a node waits for a missing seq before asking MongoDB for it
 * @param channel    the Redis pub/sub channel the nodes share
 */
@ConfigurationProperties("relais.cluster")
public record ClusterProperties(String redisUrl, long holdBackMs, String channel) {
    public ClusterProperties {
        if (holdBackMs <= 0) holdBackMs = 150;
        if (channel == null || channel.isBlank()) channel = "relais:events";
    }

    public boolean enabled() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
