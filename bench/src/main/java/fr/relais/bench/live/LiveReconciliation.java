package fr.relais.bench.live;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The server's reaction counts set against what the bench knows it owes, emoji by emoji. A
 * reaction lost or counted twice is a failure; with no answer within the timeout a reaction
 * may or may not have been counted, so {@code unanswered} widens what is acceptable.
 *
 * @param owed       per emoji: reactions the server accepted (or, without confirmations, sent)
 * @param counted    per emoji: what the server reports (its totals)
 * @param unanswered reactions neither accepted nor refused in time
 */
public record LiveReconciliation(Map<String, Long> owed, Map<String, Long> counted, long unanswered) {

    public LiveReconciliation {
        owed = Map.copyOf(owed);
        counted = Map.copyOf(counted);
    }

    /** Reactions owed but not counted, summed over emojis. */
    public long missing() {
        long missing = 0;
        for (String emoji : emojis()) {
            missing += Math.max(0, owed.getOrDefault(emoji, 0L) - counted.getOrDefault(emoji, 0L));
        }
        return missing;
    }

    /** Reactions counted beyond what was owed, summed over emojis. */
    public long extra() {
        long extra = 0;
        for (String emoji : emojis()) {
            extra += Math.max(0, counted.getOrDefault(emoji, 0L) - owed.getOrDefault(emoji, 0L));
        }
        return extra;
    }

    /** Every emoji counted exactly as owed, and no reaction left in doubt. */
    public boolean exact() {
        return unanswered == 0 && missing() == 0 && extra() == 0;
    }

    /** Nothing lost, and nothing counted beyond what the unanswered reactions could explain. */
    public boolean consistent() {
        return missing() == 0 && extra() <= unanswered;
    }

    public long owedTotal() {
        return owed.values().stream().mapToLong(Long::longValue).sum();
    }

    public long countedTotal() {
        return counted.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
        String verdict = exact() ? "exact" : consistent() ? "consistent, " + unanswered + " unanswered" : "MISMATCH";
        return String.format(Locale.ROOT, "counted %,d of %,d owed (%s; missing %,d, extra %,d)", countedTotal(), owedTotal(),
                verdict, missing(), extra());
    }

    private TreeSet<String> emojis() {
        TreeSet<String> emojis = new TreeSet<>(owed.keySet());
        emojis.addAll(counted.keySet());
        return emojis;
    }
}
