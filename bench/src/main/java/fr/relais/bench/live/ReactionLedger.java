package fr.relais.bench.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to every reaction sent, burst by burst: accepted (the hub's RECEIPT: counted in
 * memory), refused (an error event quoting the receipt: {@code rate_limited}, ...), or left
 * without an answer within the timeout.
 *
 * <p>The hub's {@code live.reactions} events carry cumulative {@code totals} per emoji. With the
 * emojis of the palette taken in turn, an aggregate includes burst {@code b} once its total for
 * b's emoji exceeds what earlier bursts with that emoji had accepted, and covers it completely
 * once it reaches what b and those earlier bursts accepted: exact, whatever the clocks.
 *
 * <p>Against a server without receipts (the baseline) nothing is confirmed: what each watcher
 * is owed is what was sent.
 */
public final class ReactionLedger {

    private final boolean confirmed;
    private final List<Burst> bursts = new CopyOnWriteArrayList<>();
    private final Map<Integer, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong lastAnswerNanos = new AtomicLong(System.nanoTime());

    /** @param confirmed the server answers each reaction with a RECEIPT or an error event */
    public ReactionLedger(boolean confirmed) {
        this.confirmed = confirmed;
    }

    /** Counters of one burst. */
    private static final class Tally {
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder unanswered = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    }

    public boolean confirmed() {
        return confirmed;
    }

    /** Bursts must be registered in number order, before their first reaction is sent. */
    public void register(Burst burst) {
        if (!bursts.isEmpty() && bursts.getLast().number() >= burst.number()) {
            throw new IllegalArgumentException("bursts out of order: " + burst.number() + " after " + bursts.getLast().number());
        }
        tallies.put(burst.number(), new Tally());
        bursts.add(burst);
    }

    public List<Burst> bursts() {
        return List.copyOf(bursts);
    }

    /** Counted before sending, so that a fast answer finds it. */
    public void onSent(Burst burst) {
        tally(burst).sent.increment();
        if (confirmed) {
            inFlight.incrementAndGet();
        }
    }

    public void onAccepted(Burst burst) {
        tally(burst).accepted.increment();
        answered();
    }

    public void onRefused(Burst burst, String code) {
        tally(burst).refused.computeIfAbsent(code, c -> new LongAdder()).increment();
        answered();
    }

    public void onUnanswered(Burst burst) {
        tally(burst).unanswered.increment();
        answered();
    }

    /** Reactions sent and not yet accepted, refused or given up on. */
    public long inFlight() {
        return inFlight.get();
    }

    public long lastAnswerNanos() {
        return lastAnswerNanos.get();
    }

    public long sent(Burst burst) {
        return tally(burst).sent.sum();
    }

    public long accepted(Burst burst) {
        return tally(burst).accepted.sum();
    }

    public long unanswered(Burst burst) {
        return tally(burst).unanswered.sum();
    }

    public Map<String, Long> refused(Burst burst) {
        Map<String, Long> codes = new TreeMap<>();
        tally(burst).refused.forEach((code, count) -> codes.put(code, count.sum()));
        return codes;
    }

    /** What the watchers should see of this burst: accepted reactions, or sent ones without confirmations. */
    public long owed(Burst burst) {
        return confirmed ? accepted(burst) : sent(burst);
    }

    /** Owed by earlier bursts with the same emoji: the total an aggregate must exceed to include {@code burst}. */
    public long owedBefore(Burst burst) {
        long sum = 0;
        for (Burst earlier : bursts) {
            if (earlier.number() >= burst.number()) {
                break;
            }
            if (earlier.emoji().equals(burst.emoji())) {
                sum += owed(earlier);
            }
        }
        return sum;
    }

    /** The total an aggregate must reach to cover {@code burst} completely. */
    public long owedThrough(Burst burst) {
        return owedBefore(burst) + owed(burst);
    }

    /** Owed per emoji over every burst so far: what the hub's final totals must equal. */
    public Map<String, Long> owedByEmoji() {
        Map<String, Long> byEmoji = new TreeMap<>();
        for (Burst burst : bursts) {
            long owed = owed(burst);
            if (owed > 0) {
                byEmoji.merge(burst.emoji(), owed, Long::sum);
            }
        }
        return byEmoji;
    }

    public long owedTotal() {
        return owedByEmoji().values().stream().mapToLong(Long::longValue).sum();
    }

    public long unansweredTotal() {
        return bursts.stream().mapToLong(this::unanswered).sum();
    }

    /** The bursts of one round. */
    public List<Burst> burstsOfRound(int round) {
        List<Burst> ofRound = new ArrayList<>();
        for (Burst burst : bursts) {
            if (burst.round() == round) {
                ofRound.add(burst);
            }
        }
        return ofRound;
    }

    private void answered() {
        if (confirmed) {
            inFlight.decrementAndGet();
        }
        lastAnswerNanos.set(System.nanoTime());
    }

    private Tally tally(Burst burst) {
        Tally tally = tallies.get(burst.number());
        if (tally == null) {
            throw new IllegalArgumentException("burst " + burst.number() + " was never registered");
        }
        return tally;
    }
}
