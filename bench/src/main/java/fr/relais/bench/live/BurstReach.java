package fr.relais.bench.live;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long after a burst started each watcher saw it: the first aggregate that includes any of
 * its reactions ("first"), and the one that includes all of them ("complete"). With one frame
 * per reaction (the baseline), the first and the last of the burst's frames.
 *
 * <p>Computed after the round's drain, from what the watchers recorded and what the
 * {@link ReactionLedger} says each burst owed.
 */
public final class BurstReach {

    private static final long MAX_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final Histogram firstMicros = new Histogram(MAX_TRACKED_MICROS, 3);
    private final Histogram completeMicros = new Histogram(MAX_TRACKED_MICROS, 3);
    private long neverSeen;
    private long neverComplete;

    /** Adds one burst, over every watcher. A burst that owed nothing (all refused) adds nothing. */
    public void add(Burst burst, ReactionLedger ledger, LiveWatchers watchers) {
        long owed = ledger.owed(burst);
        if (owed == 0) {
            return;
        }
        BurstFrames single = watchers.framesOf(burst);
        if (single != null) {
            addSingleFrames(burst, single, owed, watchers.watchers());
        } else {
            addAggregates(burst, ledger.owedBefore(burst), ledger.owedThrough(burst), watchers);
        }
    }

    private void addAggregates(Burst burst, long owedBefore, long owedThrough, LiveWatchers watchers) {
        List<AggregateEvent> events = watchers.aggregates();
        int firstIncluding = indexOfFirst(events, burst.emoji(), owedBefore + 1);
        int firstComplete = indexOfFirst(events, burst.emoji(), owedThrough);
        for (int watcher = 0; watcher < watchers.watchers(); watcher++) {
            long first = arrivalFrom(events, firstIncluding, watcher);
            long complete = arrivalFrom(events, firstComplete, watcher);
            record(burst, first, complete);
        }
    }

    private void addSingleFrames(Burst burst, BurstFrames frames, long owed, int watchers) {
        for (int watcher = 0; watcher < watchers; watcher++) {
            int received = frames.received(watcher);
            long first = received > 0 ? frames.firstNanos(watcher) : AggregateEvent.NOT_RECEIVED;
            long complete = received >= owed ? frames.lastNanos(watcher) : AggregateEvent.NOT_RECEIVED;
            record(burst, first, complete);
        }
    }

    private void record(Burst burst, long firstNanos, long completeNanos) {
        if (firstNanos == AggregateEvent.NOT_RECEIVED) {
            neverSeen++;
        } else {
            firstMicros.recordValue(micros(firstNanos - burst.startNanos()));
        }
        if (completeNanos == AggregateEvent.NOT_RECEIVED) {
            neverComplete++;
        } else {
            completeMicros.recordValue(micros(completeNanos - burst.startNanos()));
        }
    }

    /** First event whose total for the emoji reaches {@code atLeast}; -1 if none (totals only grow). */
    static int indexOfFirst(List<AggregateEvent> events, String emoji, long atLeast) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).total(emoji) >= atLeast) {
                return i;
            }
        }
        return -1;
    }

    /**
     * When the watcher got the event at {@code from} or, had it missed that one, the next it got:
     * later totals include the burst too.
     */
    static long arrivalFrom(List<AggregateEvent> events, int from, int watcher) {
        if (from < 0) {
            return AggregateEvent.NOT_RECEIVED;
        }
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).receivedBy(watcher)) {
                return events.get(i).arrivalNanos(watcher);
            }
        }
        return AggregateEvent.NOT_RECEIVED;
    }

    public Histogram firstMicros() {
        return firstMicros;
    }

    public Histogram completeMicros() {
        return completeMicros;
    }

    /** (watcher, burst) pairs where the watcher never saw any of the burst. */
    public long neverSeen() {
        return neverSeen;
    }

    /** (watcher, burst) pairs where the watcher never saw all of the burst. */
    public long neverComplete() {
        return neverComplete;
    }

    private static long micros(long nanos) {
        return Math.min(MAX_TRACKED_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }
}
