package fr.relais.bench.live;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A server that fans every reaction out as its own frame (the baseline): per watcher, how many
 * frames of one burst arrived, the first and the last.
 */
final class BurstFrames {

    private final Burst burst;
    private final AtomicIntegerArray received;
    private final AtomicLongArray first;
    private final AtomicLongArray last;

    BurstFrames(Burst burst, int watchers) {
        this.burst = burst;
        this.received = new AtomicIntegerArray(watchers);
        this.first = new AtomicLongArray(watchers);
        this.last = new AtomicLongArray(watchers);
    }

    Burst burst() {
        return burst;
    }

    /** Frames of one watcher arrive one at a time; only the main thread reads, after the drain. */
    void arrive(int watcher, long nanos) {
        if (received.getAndIncrement(watcher) == 0) {
            first.set(watcher, nanos);
        }
        last.set(watcher, nanos);
    }

    int received(int watcher) {
        return received.get(watcher);
    }

    long firstNanos(int watcher) {
        return first.get(watcher);
    }

    long lastNanos(int watcher) {
        return last.get(watcher);
    }

    long receivedByAll() {
        long sum = 0;
        for (int i = 0; i < received.length(); i++) {
            sum += received.get(i);
        }
        return sum;
    }
}
