package fr.relais.hub.realtime.cluster;

import fr.relais.hub.presence.PresenceDirectory;
import fr.relais.hub.presence.PresenceStatus;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Cluster-wide presence in Redis.
 *
 * @implNote Keys: {@code relais:presence:<userId>:<nodeId>} = {@code online|away}, expiring after
 * {@value #TTL_SECONDS} s unless the node refreshes it (every 30 s); {@code relais:nodes}, a sorted
 * set of node ids scored by their last refresh (ms). A look-up reads the keys of the nodes seen alive
 * in one MGET. A node that dies without closing its sockets stops refreshing, and its users go
 * offline within {@value #TTL_SECONDS} s. Best effort: when Redis is away, presence is this node's only.
 */
class RedisPresenceDirectory implements PresenceDirectory, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RedisPresenceDirectory.class);
    static final long TTL_SECONDS = 90;
    private static final String NODES = "relais:nodes";

    private final String nodeId;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisPresenceDirectory(ClusterProperties properties, ClusterBus bus) {
        this.nodeId = bus.nodeId();
        this.client = RedisClient.create(properties.redisUrl());
        this.connection = client.connect();
        connection.setTimeout(Duration.ofSeconds(1));
    }

    @Override
    public void record(String userId, PresenceStatus onThisNode) {
        try {
            RedisCommands<String, String> redis = connection.sync();
            if (onThisNode == PresenceStatus.OFFLINE) redis.del(key(userId, nodeId));
            else redis.set(key(userId, nodeId), onThisNode.wireName(), SetArgs.Builder.ex(TTL_SECONDS));
        } catch (RuntimeException e) {
            log.debug("Presence not shared (Redis unavailable): {}", e.getMessage());
        }
    }

    @Override
    public void refresh(Map<String, PresenceStatus> onThisNode) {
        try {
            RedisCommands<String, String> redis = connection.sync();
            redis.zadd(NODES, System.currentTimeMillis(), nodeId);
            onThisNode.forEach((user, status) -> redis.set(key(user, nodeId), status.wireName(), SetArgs.Builder.ex(TTL_SECONDS)));
        } catch (RuntimeException e) {
            log.debug("Presence not refreshed (Redis unavailable): {}", e.getMessage());
        }
    }

    @Override
    public Map<String, PresenceStatus> elsewhere(Collection<String> userIds) {
        Map<String, PresenceStatus> result = new HashMap<>();
        if (userIds.isEmpty()) return result;
        try {
            RedisCommands<String, String> redis = connection.sync();
            List<String> nodes = redis.zrangebyscore(NODES, Range.create(System.currentTimeMillis() - TTL_SECONDS * 1000, Double.MAX_VALUE));
            List<String> keys = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            for (String user : userIds) {
                for (String node : nodes) {
                    if (node.equals(nodeId)) continue;
                    keys.add(key(user, node));
                    owners.add(user);
                }
            }
            if (keys.isEmpty()) return result;
            List<KeyValue<String, String>> values = redis.mget(keys.toArray(String[]::new));
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).hasValue()) continue;
                PresenceStatus s = PresenceStatus.valueOf(values.get(i).getValue().toUpperCase(Locale.ROOT));
                result.merge(owners.get(i), s, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        } catch (RuntimeException e) {
            log.debug("Presence of other nodes unknown (Redis unavailable): {}", e.getMessage());
        }
        return result;
    }

    private static String key(String userId, String node) {
        return "relais:presence:" + userId + ":" + node;
    }

    @Override
    public void destroy() {
        try {
            connection.sync().zrem(NODES, nodeId);
        } catch (RuntimeException ignored) {
            // leaving anyway
        }
        connection.close();
        client.shutdown();
    }
}
