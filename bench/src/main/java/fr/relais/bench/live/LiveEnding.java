package fr.relais.bench.live;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.hub.HubRestClient;
import fr.relais.bench.options.BenchOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * After the last round: ends the hub's live session and sets its final counts against every
 * reaction the hub accepted; on the baseline, checks that every watcher got a frame for every
 * reaction sent.
 */
public final class LiveEnding {

    private static final long ENDED_WAIT_MILLIS = 5_000;

    private LiveEnding() {
    }

    /** @return false when the hub lost or double-counted reactions, or a watcher's aggregates do not add up */
    public static boolean endAndReconcile(BenchOptions options, HubRestClient hub, BenchAccounts accounts, LiveLoad live,
                                          PrintStream out) throws InterruptedException {
        ReactionLedger ledger = live.ledger();
        LiveWatchers watchers = live.watchers();
        if (!ledger.confirmed()) {
            out.println(baselineSummary(ledger, watchers));
            return true;
        }
        HubRestClient.EndedLiveSession ended = hub.endLive(accounts.adminToken(), live.channelId());
        long deadline = System.currentTimeMillis() + ENDED_WAIT_MILLIS;
        while (watchers.endedFrames() < live.connectedWatchersCount() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        LiveReconciliation bySummary = new LiveReconciliation(ledger.owedByEmoji(), ended.reactions(), ledger.unansweredTotal());
        AggregateEvent latest = watchers.latestAggregate();
        LiveReconciliation byLastAggregate = new LiveReconciliation(ledger.owedByEmoji(),
                latest == null ? Map.of() : latest.totals(), ledger.unansweredTotal());
        int wrongSums = watchers.watchersWithWrongSum(ledger.owedTotal());
        long duplicates = watchers.duplicateAggregates();
        out.printf(Locale.ROOT, "live session ended: summary %s; last aggregate %s; %d distinct aggregates; "
                        + "watchers whose aggregates do not add up to the accepted reactions: %d of %d; aggregates "
                        + "delivered twice: %d; live.ended received by %d; reactors (accounts) %d, messages in the "
                        + "session %d%n",
                bySummary.describe(), byLastAggregate.describe(), watchers.aggregates().size(), wrongSums,
                watchers.watchers(), duplicates, watchers.endedFrames(), ended.reactors(), ended.messages());
        if (watchers.unattributedFrames() > 0) {
            out.println("live frames of an unexpected kind: " + watchers.unattributedFrames());
        }
        return bySummary.consistent() && byLastAggregate.consistent() && wrongSums == 0 && duplicates == 0;
    }

    private static String baselineSummary(ReactionLedger ledger, LiveWatchers watchers) {
        List<Burst> bursts = ledger.bursts();
        int complete = 0;
        for (int watcher = 0; watcher < watchers.watchers(); watcher++) {
            boolean all = true;
            for (Burst burst : bursts) {
                if (watchers.framesOf(burst).received(watcher) != ledger.owed(burst)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                complete++;
            }
        }
        return String.format(Locale.ROOT, "reactions: %,d sent in %d bursts (no confirmations); watchers that received "
                        + "exactly one frame per reaction sent: %d of %d; unattributed live frames: %d",
                ledger.owedTotal(), bursts.size(), complete, watchers.watchers(), watchers.unattributedFrames());
    }
}
