package fr.relais.hub.realtime;

import fr.relais.hub.infra.stomp.StompHeaderValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Who on this node is subscribed to which {@code /topic/...} destination, kept from the STOMP frames
 * themselves (after the gate authorised them). Each destination's subscribers are split into the
 * fan-out shards by session, and kept as copy-on-write arrays: fan-out reads them without locking,
 * which is what matters when one event goes to thousands of subscribers.
 */
@Component
public class TopicSubscriptions {
    /**
     * One subscriber: a session, its socket (looked up once here rather than once per delivery; null if
     * the socket is already gone) and the subscription id the client chose, already escaped for a STOMP
     * header. Once removed (UNSUBSCRIBE, exclusion, disconnect) it is marked so, and fan-out skips it even
     * for an event it was already writing when the subscription went: nothing reaches a subscription
     * after its removal returns.
     */
    static final class Subscriber {
        private final String sessionId;
        private final WebSocketSession socket;
        private final String subscriptionId;
        private final String escapedSubscriptionId;
        private volatile boolean removed;

        Subscriber(String sessionId, WebSocketSession socket, String subscriptionId) {
            this.sessionId = sessionId;
            this.socket = socket;
            this.subscriptionId = subscriptionId;
            this.escapedSubscriptionId = StompHeaderValues.escape(subscriptionId);
        }

        WebSocketSession socket() {
            return socket;
        }

        String escapedSubscriptionId() {
            return escapedSubscriptionId;
        }

        boolean removed() {
            return removed;
        }

        private boolean is(String sessionId, String subscriptionId) {
            return this.sessionId.equals(sessionId) && this.subscriptionId.equals(subscriptionId);
        }
    }

    private final int shards;
    private final Map<String, Subscriber[][]> byDestination = new ConcurrentHashMap<>();
    /**
     * sessionId → (subscriptionId → destination), for UNSUBSCRIBE and disconnect. The inner maps are
     * immutable, replaced under this object's lock: a few dozen bytes per idle connection instead of a
     * concurrent map's few hundred.
     */
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    private final WebSocketSessions sockets;

    TopicSubscriptions(FanoutShards fanoutShards, WebSocketSessions sockets, MeterRegistry registry) {
        this.shards = fanoutShards.count();
        this.sockets = sockets;
        Gauge.builder("relais.subscriptions", bySession, m -> m.values().stream().mapToInt(Map::size).sum())
                .description("Topic subscriptions on this node").register(registry);
    }

    int shardOf(String sessionId) {
        return Math.floorMod(sessionId.hashCode(), shards);
    }

    private final java.util.List<java.util.function.Consumer<String>> firstSubscriberListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Called (on the subscribing thread) when a destination gets its first subscriber on this node. */
    public void onFirstSubscriber(java.util.function.Consumer<String> listener) {
        firstSubscriberListeners.add(listener);
    }

    public void add(String sessionId, String subscriptionId, String destination) {
        boolean first;
        synchronized (this) {
            first = !hasSubscribers(destination);
            addLocked(sessionId, subscriptionId, destination);
        }
        if (first) firstSubscriberListeners.forEach(l -> l.accept(destination));
    }

    private void addLocked(String sessionId, String subscriptionId, String destination) {
        Map<String, String> mine = bySession.getOrDefault(sessionId, Map.of());
        if (mine.containsKey(subscriptionId)) return; // id reused without UNSUBSCRIBE: keep the first
        bySession.put(sessionId, with(mine, subscriptionId, destination));
        int shard = shardOf(sessionId);
        Subscriber[][] all = byDestination.computeIfAbsent(destination, d -> emptyShards());
        Subscriber[] current = all[shard];
        Subscriber[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = new Subscriber(sessionId, sockets.find(sessionId).orElse(null), subscriptionId);
        all[shard] = grown;
    }

    public synchronized void remove(String sessionId, String subscriptionId) {
        Map<String, String> mine = bySession.get(sessionId);
        String destination = mine == null ? null : mine.get(subscriptionId);
        if (destination == null) return;
        bySession.put(sessionId, without(mine, Set.of(subscriptionId)));
        removeFrom(destination, sessionId, subscriptionId);
    }

    /** Removes every subscription of the session to the destination; whether there was one. */
    public synchronized boolean removeDestination(String sessionId, String destination) {
        Map<String, String> mine = bySession.get(sessionId);
        if (mine == null) return false;
        Set<String> ids = new HashSet<>();
        mine.forEach((id, d) -> {
            if (d.equals(destination)) ids.add(id);
        });
        if (ids.isEmpty()) return false;
        bySession.put(sessionId, without(mine, ids));
        for (String id : ids) removeFrom(destination, sessionId, id);
        return true;
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new HashMap<>(map);
        copy.put(key, value);
        return Map.copyOf(copy);
    }

    private static Map<String, String> without(Map<String, String> map, Set<String> keys) {
        Map<String, String> copy = new HashMap<>(map);
        copy.keySet().removeAll(keys);
        return Map.copyOf(copy);
    }

    public synchronized void removeSession(String sessionId) {
        Map<String, String> mine = bySession.remove(sessionId);
        if (mine == null) return;
        mine.forEach((subscriptionId, destination) -> removeFrom(destination, sessionId, subscriptionId));
    }

    /** The subscribers of a destination, by shard (arrays are never modified in place). */
    Subscriber[][] subscribers(String destination) {
        return byDestination.get(destination);
    }

    public boolean hasSubscribers(String destination) {
        Subscriber[][] all = byDestination.get(destination);
        if (all == null) return false;
        for (Subscriber[] shard : all) if (shard.length > 0) return true;
        return false;
    }

    /** Destinations with at least one subscriber on this node. */
    public List<String> destinations() {
        List<String> result = new ArrayList<>();
        byDestination.forEach((d, s) -> {
            if (hasSubscribers(d)) result.add(d);
        });
        return result;
    }

    private void removeFrom(String destination, String sessionId, String subscriptionId) {
        Subscriber[][] all = byDestination.get(destination);
        if (all == null) return;
        int shard = shardOf(sessionId);
        List<Subscriber> kept = new ArrayList<>(all[shard].length);
        for (Subscriber s : all[shard]) {
            if (s.is(sessionId, subscriptionId)) s.removed = true;
            else kept.add(s);
        }
        all[shard] = kept.toArray(Subscriber[]::new);
        if (!hasSubscribers(destination)) byDestination.remove(destination);
    }

    private Subscriber[][] emptyShards() {
        Subscriber[][] all = new Subscriber[shards][];
        for (int i = 0; i < shards; i++) all[i] = new Subscriber[0];
        return all;
    }
}
