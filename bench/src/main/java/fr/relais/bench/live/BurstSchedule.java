package fr.relais.bench.live;

import java.util.ArrayList;
import java.util.List;

/**
 * When the bursts of one round start, and when each reactor sends inside a burst.
 *
 * <p>Bursts are placed relative to the measured window: the first measured one starts one
 * second into it (half a period if shorter), others every period before and after, as long
 * as they lie within the round's regular warm-up and measured window. None falls in
 * {@code --prewarm}: that time is there for the server's JIT, and a naive server's backlog of
 * per-reaction frames from it would spill into every later window.
 *
 * <p>Inside a burst, the K × N reactions (K per reactor, N reactors) are spread evenly and
 * interleaved: slot {@code s} is reaction {@code s / N} of reactor {@code s % N}, due at
 * {@code start + spread × s / (K × N)}. The server sees a steady flood for the whole spread
 * rather than N reactions at one instant.
 */
public final class BurstSchedule {

    private static final long FIRST_OFFSET_NANOS = 1_000_000_000L;

    private final List<Burst> bursts;
    private final int reactors;
    private final int reactionsPerReactor;

    private BurstSchedule(List<Burst> bursts, int reactors, int reactionsPerReactor) {
        this.bursts = List.copyOf(bursts);
        this.reactors = reactors;
        this.reactionsPerReactor = reactionsPerReactor;
    }

    /**
     * @param fromNanos         earliest burst start (the round's regular warm-up)
     * @param measureStartNanos start of the measured window
     * @param endNanos          end of the measured window: a burst must be over by then
     * @param firstNumber       number of the round's first burst (numbers run over the whole run)
     */
    public static BurstSchedule plan(ReactionBurst burst, int reactors, int round, int firstNumber, long fromNanos,
                                     long measureStartNanos, long endNanos) {
        long period = burst.period().toNanos();
        long spread = burst.spread().toNanos();
        long anchor = measureStartNanos + Math.min(FIRST_OFFSET_NANOS, period / 2);
        long first = anchor;
        while (first - period >= fromNanos) {
            first -= period;
        }
        List<Burst> bursts = new ArrayList<>();
        for (long start = first; start + spread <= endNanos; start += period) {
            int number = firstNumber + bursts.size();
            bursts.add(new Burst(number, round, start >= measureStartNanos, start, spread, Burst.emojiOf(number)));
        }
        return new BurstSchedule(bursts, reactors, burst.reactionsPerReactor());
    }

    public List<Burst> bursts() {
        return bursts;
    }

    /** Reactions in one burst, all reactors together. */
    public int reactionsPerBurst() {
        return reactors * reactionsPerReactor;
    }

    /** Which reactor sends the reaction of slot {@code slot} (see the class comment). */
    public int reactorOfSlot(int slot) {
        return slot % reactors;
    }

    /** When the reaction of slot {@code slot} of {@code burst} is due. */
    public long dueNanos(Burst burst, int slot) {
        return burst.startNanos() + Math.round((double) burst.spreadNanos() * slot / reactionsPerBurst());
    }
}
