package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChatLimits;
import fr.relais.hub.chat.FanoutPressure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * Writes topic events to subscribers. Sessions are spread over a few single-threaded shards (one per
 * core): each event is handed to every shard that has subscribers for it, so a big room is written by
 * all cores at once, while one session always belongs to the same shard and so receives its events in
 * publication order. Per subscriber the only work is one socket write: the JSON and the frame's
 * bytes are built once per event (and subscription id), and written without re-encoding
 * ({@link EncodedTextSession}).
 *
 * <p>The shards' queues are bounded from upstream: past {@code relais.limits.max-fanout-backlog} frames
 * waiting, new writes are refused with {@code overloaded} ({@link FanoutPressure}), because the store
 * can take messages faster than they can be written to many subscribers.
 */
@Component
public class FanoutShards implements DisposableBean, FanoutPressure {
    private final ExecutorService[] shards;
    /** Looked up once, at first delivery (they depend on beans that depend on this): not per event. */
    private final Supplier<TopicSubscriptions> subscriptions;
    private final Supplier<WebSocketSessions> sessions;
    private final Counter deliveries;
    private final Timer latency;
    /**
     * Frames queued or being written: what delivery is behind by, in the unit its speed is measured in
     * (an event for a 2,000-person room is 2,000 frames, for a two-person one 2).
     */
    private final AtomicInteger backlog = new AtomicInteger();
    private final int maxBacklog;

    FanoutShards(ObjectProvider<TopicSubscriptions> subscriptions, ObjectProvider<WebSocketSessions> sessions,
                 MeterRegistry registry, ChatLimits limits) {
        this.maxBacklog = limits.maxFanoutBacklog();
        int count = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.shards = new ExecutorService[count];
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            shards[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fanout-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        this.subscriptions = SingletonSupplier.of(subscriptions::getObject);
        this.sessions = SingletonSupplier.of(sessions::getObject);
        this.deliveries = Counter.builder("relais.fanout.deliveries").description("Frames written to subscribers").register(registry);
        this.latency = Timer.builder("relais.fanout.latency").description("From publication to the last subscriber's write")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("relais.fanout.backlog", backlog, AtomicInteger::get)
                .description("Frames waiting to be written to subscribers").register(registry);
    }

    /** New writes are refused while delivery is this far behind (see {@code relais.limits.max-fanout-backlog}). */
    @Override
    public boolean saturated() {
        return backlog.get() > maxBacklog;
    }

    int count() {
        return shards.length;
    }

    /** Delivers a JSON payload to every subscriber of the destination on this node. */
    public void deliver(String destination, byte[] json) {
        TopicSubscriptions.Subscriber[][] bySession = subscriptions.get().subscribers(destination);
        if (bySession == null) return;
        long started = System.nanoTime();
        StompMessageFrame frame = new StompMessageFrame(destination, json);
        AtomicInteger remaining = new AtomicInteger();
        for (TopicSubscriptions.Subscriber[] shard : bySession) if (shard.length > 0) remaining.incrementAndGet();
        for (int i = 0; i < bySession.length; i++) {
            TopicSubscriptions.Subscriber[] targets = bySession[i];
            if (targets.length == 0) continue;
            backlog.addAndGet(targets.length);
            shards[i].execute(() -> {
                try {
                    write(targets, frame);
                } finally {
                    backlog.addAndGet(-targets.length);
                }
                if (remaining.decrementAndGet() == 0) latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            });
        }
    }

    private void write(TopicSubscriptions.Subscriber[] targets, StompMessageFrame frame) {
        WebSocketSessions open = sessions.get();
        // Subscribers using the same subscription id (clients number them alike) share one frame.
        Map<String, EncodedTextMessage> bySubscriptionId = new HashMap<>(8);
        int written = 0;
        for (TopicSubscriptions.Subscriber s : targets) {
            WebSocketSession session = s.socket();
            if (s.removed() || session == null || !session.isOpen()) continue;
            try {
                session.sendMessage(bySubscriptionId.computeIfAbsent(s.escapedSubscriptionId(), frame::forSubscription));
                written++;
            } catch (SessionLimitExceededException slow) {
                open.droppedSlowClient(); // the decorator has closed it; the client will reconnect and catch up
            } catch (IOException | IllegalStateException broken) {
                closeQuietly(session);
            }
        }
        deliveries.increment(written);
    }

    private static void closeQuietly(WebSocketSession session) {
        try {
            session.close(CloseStatus.SESSION_NOT_RELIABLE);
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void destroy() {
        for (ExecutorService shard : shards) shard.shutdown();
    }
}
