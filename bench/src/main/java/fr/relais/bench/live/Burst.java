package fr.relais.bench.live;

/**
 * One burst of reactions: every reactor reacts with the same emoji between {@code startNanos}
 * and {@code startNanos + spreadNanos}. Emojis come from a small palette in turn, as real ones
 * do; the hub's cumulative {@code totals} per emoji then tell which aggregate includes which
 * burst (see {@link ReactionLedger}).
 *
 * @param number   dense over the whole run
 * @param measured the burst starts in the measured window of its round
 */
public record Burst(int number, int round, boolean measured, long startNanos, long spreadNanos, String emoji) {

    /** Eight common reactions, one code point each (no variation selector), valid for the hub's pattern. */
    static final String[] PALETTE = {"👏", "😂", "🔥", "👍", "😮", "🎉", "💪", "🙌"};

    /**
     * How long after the last reaction a burst still weighs on the server: the hub flushes
     * counted reactions once a second ({@code relais.live.reaction-flush-every}), so the
     * aggregate event of a burst may go out up to a second after it.
     */
    static final long AFTERMATH_NANOS = 1_000_000_000L;

    static String emojiOf(int burstNumber) {
        return PALETTE[burstNumber % PALETTE.length];
    }

    /** Whether a message due at {@code nanos} shares the server with this burst or its aggregate. */
    public boolean affects(long nanos) {
        return nanos >= startNanos && nanos < startNanos + spreadNanos + AFTERMATH_NANOS;
    }
}
