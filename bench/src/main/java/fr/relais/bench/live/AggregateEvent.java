package fr.relais.bench.live;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One {@code live.reactions} event of the hub (one flush), as received by the watchers: the
 * same frame goes to every watcher, so it is parsed once and then only its arrivals are noted.
 *
 * @implNote {@code arrivals} holds one {@link System#nanoTime()} per watcher,
 * {@link #NOT_RECEIVED} until it arrives.
 */
public final class AggregateEvent {

    static final long NOT_RECEIVED = Long.MIN_VALUE;

    private final int ordinal;
    private final Map<String, Long> counts;
    private final Map<String, Long> totals;
    private final int reactors;
    private final AtomicLongArray arrivals;
    private final AtomicInteger receivedBy = new AtomicInteger();
    private final LongAdder duplicates = new LongAdder();

    AggregateEvent(int ordinal, Map<String, Long> counts, Map<String, Long> totals, int reactors, int watchers) {
        this.ordinal = ordinal;
        this.counts = Map.copyOf(counts);
        this.totals = Map.copyOf(totals);
        this.reactors = reactors;
        long[] none = new long[watchers];
        Arrays.fill(none, NOT_RECEIVED);
        this.arrivals = new AtomicLongArray(none);
    }

    void arrive(int watcher, long nanos) {
        if (arrivals.compareAndSet(watcher, NOT_RECEIVED, nanos)) {
            receivedBy.incrementAndGet();
        } else {
            duplicates.increment();
        }
    }

    /** Order of first arrival: the hub flushes a channel from one thread, a second apart. */
    public int ordinal() {
        return ordinal;
    }

    /** Reactions counted since the previous event (of this node). */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Reactions since the session started, per emoji, as stored. */
    public Map<String, Long> totals() {
        return totals;
    }

    public int reactors() {
        return reactors;
    }

    public long total(String emoji) {
        return totals.getOrDefault(emoji, 0L);
    }

    public long totalsSum() {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }

    public long countsSum() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean receivedBy(int watcher) {
        return arrivals.get(watcher) != NOT_RECEIVED;
    }

    /** When the watcher got it; only meaningful if {@link #receivedBy(int)}. */
    public long arrivalNanos(int watcher) {
        return arrivals.get(watcher);
    }

    public int receivedByCount() {
        return receivedBy.get();
    }

    public long duplicates() {
        return duplicates.sum();
    }
}
