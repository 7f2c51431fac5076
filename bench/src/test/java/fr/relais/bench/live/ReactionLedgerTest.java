package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactionLedgerTest {

    private static Burst burst(int number, String emoji) {
        return new Burst(number, 0, true, number * 5_000_000_000L, 1_000_000_000L, emoji);
    }

    @Test
    void everySentReactionEndsAcceptedRefusedOrUnanswered() {
        ReactionLedger ledger = new ReactionLedger(true);
        Burst b = burst(0, "👏");
        ledger.register(b);
        for (int i = 0; i < 4; i++) {
            ledger.onSent(b);
        }
        ledger.onAccepted(b);
        ledger.onAccepted(b);
        ledger.onRefused(b, "rate_limited");

        assertThat(ledger.inFlight()).isEqualTo(1);
        ledger.onUnanswered(b);

        assertThat(ledger.inFlight()).isZero();
        assertThat(ledger.sent(b)).isEqualTo(4);
        assertThat(ledger.owed(b)).isEqualTo(2);
        assertThat(ledger.refused(b)).isEqualTo(Map.of("rate_limited", 1L));
        assertThat(ledger.unansweredTotal()).isEqualTo(1);
    }

    @Test
    void anAggregateIncludesABurstOnceItsEmojiTotalPassesWhatEarlierBurstsOfThatEmojiOwed() {
        ReactionLedger ledger = new ReactionLedger(true);
        Burst clap1 = burst(0, "👏");
        Burst laugh = burst(1, "😂");
        Burst clap2 = burst(2, "👏");
        accept(ledger, clap1, 3);
        accept(ledger, laugh, 5);
        accept(ledger, clap2, 2);

        assertThat(ledger.owedBefore(clap2)).isEqualTo(3);
        assertThat(ledger.owedThrough(clap2)).isEqualTo(5);
        assertThat(ledger.owedBefore(laugh)).isZero();
        assertThat(ledger.owedByEmoji()).isEqualTo(Map.of("👏", 5L, "😂", 5L));
        assertThat(ledger.owedTotal()).isEqualTo(10);
    }

    @Test
    void withoutConfirmationsWatchersAreOwedWhatWasSent() {
        ReactionLedger ledger = new ReactionLedger(false);
        Burst b = burst(0, "🔥");
        ledger.register(b);
        ledger.onSent(b);
        ledger.onSent(b);

        assertThat(ledger.inFlight()).isZero();
        assertThat(ledger.owed(b)).isEqualTo(2);
    }

    @Test
    void burstsMustBeRegisteredInOrderAndBeforeUse() {
        ReactionLedger ledger = new ReactionLedger(true);
        ledger.register(burst(3, "👏"));

        assertThatThrownBy(() -> ledger.register(burst(2, "👏"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.onSent(burst(9, "👏"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void accept(ReactionLedger ledger, Burst burst, int count) {
        ledger.register(burst);
        for (int i = 0; i < count; i++) {
            ledger.onSent(burst);
            ledger.onAccepted(burst);
        }
    }
}
