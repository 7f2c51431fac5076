package fr.relais.bench.live;

import fr.relais.bench.report.RoundResult.Latency;
import java.util.Map;

/**
 * The live side of one round. Reaction counts are those of the bursts that started in the
 * measured window; the reconciliation covers every burst since the session started.
 *
 * @param accepted            reactions the server confirmed, -1 when it confirms nothing (baseline)
 * @param liveFramesInWindow  frames of {@code /topic/live.<id>} received by all watchers during the window
 * @param firstSeen           per watcher and measured burst: burst start → first aggregate (or frame) including it
 * @param complete            burst start → the aggregate (or last frame) that includes all of it
 * @param neverSeen           (watcher, burst) pairs with nothing of the burst by the end of the drain
 * @param neverComplete       (watcher, burst) pairs still missing part of the burst
 * @param exact               the server's count (hub) or every watcher's frames (baseline) matches what was owed
 * @param reconciliation      the same, in words
 * @param messagesDuringBursts delivery latency of messages due during a burst or its aggregate
 * @param messagesQuiet       delivery latency of the other messages of the window
 */
public record LiveRoundResult(
        int offeredRate,
        int measuredBursts,
        long sent,
        long accepted,
        Map<String, Long> refused,
        long unanswered,
        int watchers,
        long liveFramesInWindow,
        Latency firstSeen,
        Latency complete,
        long neverSeen,
        long neverComplete,
        boolean exact,
        String reconciliation,
        Latency messagesDuringBursts,
        Latency messagesQuiet) {

    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    public double liveFramesPerWatcher() {
        return watchers == 0 ? 0 : (double) liveFramesInWindow / watchers;
    }
}
