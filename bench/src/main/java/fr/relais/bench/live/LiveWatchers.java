package fr.relais.bench.live;

import fr.relais.sdk.stomp.StompFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives every frame of {@code /topic/live.<channelId>} on every watcher connection.
 *
 * <p>From the hub: {@code live.reactions} aggregates (one per flush, the same frame to all
 * watchers), {@code live.started}, {@code live.ended}. From the baseline: one
 * {@code live.reaction} frame per reaction, booked on the latest burst of its emoji that had
 * started when it arrived (the same emoji comes back only after the whole palette, 40 s with
 * the default bursts).
 */
public final class LiveWatchers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGGREGATE = "\"type\":\"live.reactions\"";
    private static final String SINGLE = "\"type\":\"live.reaction\"";
    private static final String EMOJI = "\"emoji\":\"";

    private final int watchers;
    private final Map<String, AggregateEvent> aggregates = new ConcurrentHashMap<>();
    private final AtomicInteger nextOrdinal = new AtomicInteger();
    private final Map<String, List<BurstFrames>> burstsByEmoji = new ConcurrentHashMap<>();
    private final Map<Integer, BurstFrames> burstFrames = new ConcurrentHashMap<>();
    private final LongAdder frames = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final LongAdder unattributed = new LongAdder();
    private final AtomicLong lastFrameNanos = new AtomicLong(System.nanoTime());

    public LiveWatchers(int watchers) {
        this.watchers = watchers;
    }

    public int watchers() {
        return watchers;
    }

    /** Per-reaction frames of this burst will be booked on it (baseline); before its first reaction. */
    public void expectSingleFrames(Burst burst) {
        BurstFrames tally = new BurstFrames(burst, watchers);
        burstFrames.put(burst.number(), tally);
        burstsByEmoji.computeIfAbsent(burst.emoji(), e -> new CopyOnWriteArrayList<>()).add(tally);
    }

    /** Runs on a WebSocket listener thread: cheap, never blocks. */
    public void onFrame(int watcher, StompFrame frame) {
        long nanos = System.nanoTime();
        frames.increment();
        lastFrameNanos.set(nanos);
        String body = frame.body();
        if (body.contains(AGGREGATE)) {
            AggregateEvent event = aggregates.computeIfAbsent(body, this::parseAggregate);
            if (event != null) {
                event.arrive(watcher, nanos);
            }
        } else if (body.contains(SINGLE)) {
            onSingleReaction(watcher, body, nanos);
        } else if (body.contains("\"type\":\"live.started\"")) {
            started.increment();
        } else if (body.contains("\"type\":\"live.ended\"")) {
            ended.increment();
        } else {
            unattributed.increment();
        }
    }

    private void onSingleReaction(int watcher, String body, long nanos) {
        int at = body.indexOf(EMOJI);
        int end = at < 0 ? -1 : body.indexOf('"', at + EMOJI.length());
        List<BurstFrames> candidates = end < 0 ? null : burstsByEmoji.get(body.substring(at + EMOJI.length(), end));
        if (candidates != null) {
            for (int i = candidates.size() - 1; i >= 0; i--) {
                BurstFrames tally = candidates.get(i);
                if (tally.burst().startNanos() <= nanos) {
                    tally.arrive(watcher, nanos);
                    return;
                }
            }
        }
        unattributed.increment();
    }

    private AggregateEvent parseAggregate(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            return new AggregateEvent(nextOrdinal.getAndIncrement(), counts(event.path("counts")), counts(event.path("totals")),
                    event.path("reactors").asInt(-1), watchers);
        } catch (JacksonException e) {
            unattributed.increment();
            return null;
        }
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    /** Every live frame so far, of any kind, over all watchers: sampled around a window. */
    public long frames() {
        return frames.sum();
    }

    public long lastFrameNanos() {
        return lastFrameNanos.get();
    }

    /** Distinct {@code live.reactions} events, in the order they were first seen. */
    public List<AggregateEvent> aggregates() {
        List<AggregateEvent> events = new ArrayList<>(aggregates.values());
        events.sort(Comparator.comparingInt(AggregateEvent::ordinal));
        return events;
    }

    /** The aggregate with the highest totals: the server's latest count. */
    public AggregateEvent latestAggregate() {
        return aggregates().stream().max(Comparator.comparingLong(AggregateEvent::totalsSum)).orElse(null);
    }

    BurstFrames framesOf(Burst burst) {
        return burstFrames.get(burst.number());
    }

    public long startedFrames() {
        return started.sum();
    }

    public long endedFrames() {
        return ended.sum();
    }

    /** Live frames that were none of the above, or a reaction frame matching no burst. */
    public long unattributedFrames() {
        return unattributed.sum();
    }

    /**
     * Watchers whose aggregates do not add up to {@code owedTotal} (the {@code counts} of every
     * event they received, summed): an aggregate lost or delivered to them twice.
     */
    public int watchersWithWrongSum(long owedTotal) {
        List<AggregateEvent> events = aggregates();
        int wrong = 0;
        for (int watcher = 0; watcher < watchers; watcher++) {
            long sum = 0;
            for (AggregateEvent event : events) {
                if (event.receivedBy(watcher)) {
                    sum += event.countsSum();
                }
            }
            if (sum != owedTotal) {
                wrong++;
            }
        }
        return wrong;
    }

    /** Aggregates delivered twice to the same watcher. */
    public long duplicateAggregates() {
        return aggregates().stream().mapToLong(AggregateEvent::duplicates).sum();
    }
}
