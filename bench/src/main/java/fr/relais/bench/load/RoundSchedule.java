package fr.relais.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Time line of one round in {@link System#nanoTime()} units: warm-up from {@code startNanos},
 * measured window from {@code measureStartNanos} to {@code endNanos}.
 */
public record RoundSchedule(long startNanos, long measureStartNanos, long endNanos) {

    public static RoundSchedule startingIn(Duration delay, Duration warmup, Duration measured) {
        long start = System.nanoTime() + delay.toNanos();
        long measureStart = start + warmup.toNanos();
        return new RoundSchedule(start, measureStart, measureStart + measured.toNanos());
    }

    public boolean isMeasured(long nanos) {
        return nanos >= measureStartNanos;
    }

    public double measuredSeconds() {
        return (endNanos - measureStartNanos) / 1e9;
    }

    /** Parks until the given instant; parkNanos may wake early, hence the loop. */
    public static void sleepUntil(long nanos) {
        long remaining;
        while ((remaining = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
