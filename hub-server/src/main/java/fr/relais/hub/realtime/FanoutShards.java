package fr.relais.hub.realtime;

import fr.relais.hub.chat.ChatLimits;
import fr.relais.hub.chat.FanoutPressure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Writes topic events to subscribers. Sessions are spread over a few single-threaded shards (one per
 * core): each event is handed to every shard that has subscribers for it, so a big room is written by
 * all cores at once, while one session always belongs to the same shard and so receives its events in
 * publication order. Per subscriber the only work is one socket write: the JSON and the frame's
 * bytes are built once per event (and subscription id), and written without re-encoding
 * ({@link EncodedTextSession}).
 *
 * <p>When a shard falls behind, the events waiting in its queue are written together
 * ({@link RoundWriter}): a socket with several frames waiting gets them in one WebSocket message,
 * one system call instead of one per frame. Nothing is held back to make that happen; it only takes
 * effect when frames are already waiting, so the busier the hub, the cheaper each delivery.
 *
 * <p>The shards' queues are bounded from upstream: past {@code relais.limits.max-fanout-backlog} frames
 * waiting, new writes are refused with {@code overloaded} ({@link FanoutPressure}), because the store
 * can take messages faster than they can be written to many subscribers.
 */
@Component
public class FanoutShards implements DisposableBean, FanoutPressure {
    private static final Logger log = LoggerFactory.getLogger(FanoutShards.class);
    /** Most events taken from a shard's queue at once: bounds the memory of one coalesced round. */
    private static final int MAX_EVENTS_PER_ROUND = 256;

    private final Shard[] shards;
    /** Looked up once, at first delivery (they depend on beans that depend on this): not per event. */
    private final Supplier<TopicSubscriptions> subscriptions;
    private final Supplier<WebSocketSessions> sessions;
    private final Counter deliveries;
    private final Counter writes;
    private final Timer latency;
    /**
     * Frames queued or being written: what delivery is behind by, in the unit its speed is measured in
     * (an event for a 2,000-person room is 2,000 frames, for a two-person one 2).
     */
    private final AtomicInteger backlog = new AtomicInteger();
    private final int maxBacklog;
    private final int maxCoalescedBytes;

    FanoutShards(ObjectProvider<TopicSubscriptions> subscriptions, ObjectProvider<WebSocketSessions> sessions,
                 MeterRegistry registry, ChatLimits limits) {
        this.maxBacklog = limits.maxFanoutBacklog();
        this.maxCoalescedBytes = limits.fanoutCoalesceBytes();
        int count = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.shards = new Shard[count];
        for (int i = 0; i < count; i++) shards[i] = new Shard("fanout-" + (i + 1));
        this.subscriptions = SingletonSupplier.of(subscriptions::getObject);
        this.sessions = SingletonSupplier.of(sessions::getObject);
        this.deliveries = Counter.builder("relais.fanout.deliveries").description("Frames written to subscribers").register(registry);
        this.writes = Counter.builder("relais.fanout.writes")
                .description("WebSocket messages written to subscribers (fewer than frames when waiting frames are coalesced)")
                .register(registry);
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
        Event event = new Event(new StompMessageFrame(destination, json), System.nanoTime());
        for (TopicSubscriptions.Subscriber[] shard : bySession) if (shard.length > 0) event.remainingShards.incrementAndGet();
        for (int i = 0; i < bySession.length; i++) {
            TopicSubscriptions.Subscriber[] targets = bySession[i];
            if (targets.length == 0) continue;
            backlog.addAndGet(targets.length);
            shards[i].queue.add(new Delivery(targets, event));
        }
    }

    /** One event, as written by every shard that has subscribers for it. */
    private static final class Event {
        final StompMessageFrame frame;
        final long publishedAt;
        final AtomicInteger remainingShards = new AtomicInteger();

        Event(StompMessageFrame frame, long publishedAt) {
            this.frame = frame;
            this.publishedAt = publishedAt;
        }
    }

    /** An event for one shard's share of its subscribers. */
    record Delivery(TopicSubscriptions.Subscriber[] targets, Event event) {
        StompMessageFrame frame() {
            return event.frame;
        }
    }

    private final class Shard implements Runnable {
        final BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
        private final Thread thread;

        Shard(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            List<Delivery> round = new ArrayList<>();
            RoundWriter writer = new RoundWriter(maxCoalescedBytes);
            try {
                while (true) {
                    round.add(queue.take());
                    queue.drainTo(round, MAX_EVENTS_PER_ROUND - 1);
                    try {
                        writer.write(round, sessions.get());
                        deliveries.increment(writer.framesWritten());
                        writes.increment(writer.messagesWritten());
                    } catch (RuntimeException bug) {
                        // A shard that stopped would silence its sessions for good: log, and go on with the next round.
                        log.error("Fan-out round failed; its {} events may have reached only part of their subscribers", round.size(), bug);
                    } finally {
                        finish(round);
                        round.clear();
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }

        private void finish(List<Delivery> round) {
            long now = System.nanoTime();
            for (Delivery delivery : round) {
                backlog.addAndGet(-delivery.targets().length);
                if (delivery.event.remainingShards.decrementAndGet() == 0) {
                    latency.record(now - delivery.event.publishedAt, TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    @Override
    public void destroy() {
        for (Shard shard : shards) shard.thread.interrupt();
    }
}
