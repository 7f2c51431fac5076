package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.sdk.stomp.StompFrame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurstReachTest {

    private static StompFrame aggregate(String counts, String totals, String at) {
        return new StompFrame("MESSAGE", Map.of(), "{\"type\":\"live.reactions\",\"channelId\":\"directs\",\"counts\":"
                + counts + ",\"totals\":" + totals + ",\"reactors\":4,\"at\":\"" + at + "\"}");
    }

    @Test
    void eachWatcherIsTimedToTheFirstAggregateIncludingTheBurstAndToTheOneCoveringIt() throws Exception {
        ReactionLedger ledger = new ReactionLedger(true);
        Burst burst = new Burst(0, 0, true, System.nanoTime(), 1_000_000_000L, "👏");
        ledger.register(burst);
        for (int i = 0; i < 5; i++) {
            ledger.onSent(burst);
            ledger.onAccepted(burst);
        }
        LiveWatchers watchers = new LiveWatchers(2);
        StompFrame part = aggregate("{\"👏\":3}", "{\"👏\":3}", "t1");
        StompFrame rest = aggregate("{\"👏\":2}", "{\"👏\":5}", "t2");
        watchers.onFrame(0, part);
        watchers.onFrame(0, rest);
        // watcher 1 missed the first aggregate: the second one includes the burst too
        watchers.onFrame(1, rest);

        BurstReach reach = new BurstReach();
        reach.add(burst, ledger, watchers);

        assertThat(reach.firstMicros().getTotalCount()).isEqualTo(2);
        assertThat(reach.completeMicros().getTotalCount()).isEqualTo(2);
        assertThat(reach.neverSeen()).isZero();
        assertThat(watchers.aggregates()).hasSize(2);
        assertThat(watchers.latestAggregate().totals()).isEqualTo(Map.of("👏", 5L));
        assertThat(watchers.watchersWithWrongSum(5)).isEqualTo(1);
    }

    @Test
    void aBurstWhoseReactionsNeverShowUpInTheTotalsIsNeverSeen() {
        ReactionLedger ledger = new ReactionLedger(true);
        Burst earlier = new Burst(0, 0, true, System.nanoTime(), 1_000_000_000L, "👏");
        Burst later = new Burst(8, 0, true, System.nanoTime(), 1_000_000_000L, "👏");
        ledger.register(earlier);
        ledger.register(later);
        ledger.onSent(earlier);
        ledger.onAccepted(earlier);
        ledger.onSent(later);
        ledger.onAccepted(later);
        LiveWatchers watchers = new LiveWatchers(1);
        // the totals only ever cover the earlier burst of the same emoji
        watchers.onFrame(0, aggregate("{\"👏\":1}", "{\"👏\":1}", "t1"));

        BurstReach reach = new BurstReach();
        reach.add(later, ledger, watchers);

        assertThat(reach.neverSeen()).isEqualTo(1);
        assertThat(reach.neverComplete()).isEqualTo(1);
    }

    @Test
    void perReactionFramesAreBookedOnTheLatestStartedBurstOfTheirEmoji() {
        ReactionLedger ledger = new ReactionLedger(false);
        Burst burst = new Burst(0, 0, true, System.nanoTime(), 1_000_000_000L, "🔥");
        ledger.register(burst);
        ledger.onSent(burst);
        ledger.onSent(burst);
        LiveWatchers watchers = new LiveWatchers(2);
        watchers.expectSingleFrames(burst);
        StompFrame reaction = new StompFrame("MESSAGE", Map.of(),
                "{\"type\":\"live.reaction\",\"channelId\":\"directs\",\"emoji\":\"🔥\",\"at\":1}");
        watchers.onFrame(0, reaction);
        watchers.onFrame(0, reaction);
        watchers.onFrame(1, reaction);

        BurstReach reach = new BurstReach();
        reach.add(burst, ledger, watchers);

        assertThat(reach.firstMicros().getTotalCount()).isEqualTo(2);
        assertThat(reach.completeMicros().getTotalCount()).isEqualTo(1);
        assertThat(reach.neverComplete()).isEqualTo(1);
        assertThat(watchers.unattributedFrames()).isZero();
    }
}
