package fr.relais.hub.realtime.cluster;

import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Per channel, on each node: hands events to local delivery in seq order, whichever node stored them.
 *
 * <p>Events from several nodes may arrive out of order (each node publishes its own commits). An event
 * that is not the next expected seq is held back; if the missing seq has not come after
 * {@code relais.cluster.hold-back-ms}, it is fetched from MongoDB, the record — which also repairs what
 * Redis dropped. A seq that MongoDB does not have either was never stored (its write failed) and is
 * skipped. An event that arrives after its place was skipped is still delivered, late rather than never;
 * clients apply events by seq, so a late one lands where it belongs.
 */
class ChannelSequencer {
    /** How many delivered seqs per channel are remembered to drop duplicates (Redis copy + MongoDB repair). */
    private static final int REMEMBERED = 512;

    record Ready(String channelId, long seq, byte[] json, ChannelEvent event, boolean local) {
    }

    private final class State {
        long lastDelivered = -1;
        final TreeMap<Long, Ready> held = new TreeMap<>();
        final Map<Long, Boolean> recent = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };
        boolean repairScheduled;
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "channel-sequencer");
        t.setDaemon(true);
        return t;
    });
    private final long holdBackMs;
    private final ChannelHistory history;
    private final Function<ChannelEvent, byte[]> serializer;
    private final BiConsumer<Ready, Boolean> delivery;

    /**
     * @param delivery called with each event in order, and whether it was repaired from MongoDB
     */
    ChannelSequencer(long holdBackMs, ChannelHistory history, Function<ChannelEvent, byte[]> serializer,
                     BiConsumer<Ready, Boolean> delivery) {
        this.holdBackMs = holdBackMs;
        this.history = history;
        this.serializer = serializer;
        this.delivery = delivery;
    }

    /**
     * Starts ordering a channel from its current last seq (called when it gets its first subscriber on
     * this node, before anything newer can arrive), so the very first events are ordered too.
     */
    void start(String channelId, long storedLastSeq) {
        State s = states.computeIfAbsent(channelId, id -> new State());
        synchronized (s) {
            if (s.lastDelivered < 0) s.lastDelivered = storedLastSeq;
        }
    }

    void accept(Ready event) {
        State s = states.computeIfAbsent(event.channelId(), id -> new State());
        synchronized (s) {
            if (s.recent.containsKey(event.seq())) return;
            if (s.lastDelivered < 0 || event.seq() == s.lastDelivered + 1 || event.seq() <= s.lastDelivered) {
                deliver(s, event, false);
                drain(s);
            } else {
                s.held.put(event.seq(), event);
                scheduleRepair(event.channelId(), s);
            }
        }
    }

    /** After a Redis outage: fetch from MongoDB what came after the last delivered seq of these channels. */
    void catchUp(List<String> channelIds) {
        for (String channelId : channelIds) {
            State s = states.get(channelId);
            if (s == null) continue;
            long from;
            synchronized (s) {
                from = s.lastDelivered;
            }
            if (from >= 0) repair(channelId, s, from, Long.MAX_VALUE);
        }
    }

    private void scheduleRepair(String channelId, State s) {
        if (s.repairScheduled) return;
        s.repairScheduled = true;
        timer.schedule(() -> {
            long from;
            long to;
            synchronized (s) {
                s.repairScheduled = false;
                if (s.held.isEmpty() || s.held.firstKey() == s.lastDelivered + 1) {
                    drain(s);
                    return;
                }
                from = s.lastDelivered;
                to = s.held.firstKey();
            }
            repair(channelId, s, from, to);
        }, holdBackMs, TimeUnit.MILLISECONDS);
    }

    /** Delivers stored events with from < seq < to, then whatever was held back. */
    private void repair(String channelId, State s, long from, long to) {
        List<ChannelEvent> missing = new ArrayList<>();
        long after = from;
        while (true) {
            ChannelHistory.EventPage page = history.systemEventsAfter(channelId, after, 200);
            for (ChannelEvent e : page.events()) if (e.seq() < to) missing.add(e);
            if (!page.hasMore() || page.lastSeq() >= to) break;
            after = page.lastSeq();
        }
        synchronized (s) {
            for (ChannelEvent e : missing) {
                if (e.seq() > s.lastDelivered && !s.recent.containsKey(e.seq())) {
                    s.held.remove(e.seq());
                    deliver(s, new Ready(channelId, e.seq(), serializer.apply(e), e, false), true);
                }
            }
            // Seqs below the first held one that MongoDB does not have were never stored: skip them.
            while (!s.held.isEmpty()) deliver(s, s.held.pollFirstEntry().getValue(), false);
        }
    }

    private void drain(State s) {
        while (!s.held.isEmpty() && s.held.firstKey() <= s.lastDelivered + 1) {
            Ready next = s.held.pollFirstEntry().getValue();
            if (!s.recent.containsKey(next.seq())) deliver(s, next, false);
        }
    }

    private void deliver(State s, Ready event, boolean repaired) {
        s.recent.put(event.seq(), Boolean.TRUE);
        if (event.seq() > s.lastDelivered) s.lastDelivered = event.seq();
        delivery.accept(event, repaired);
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
