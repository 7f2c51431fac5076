package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.bench.measure.BenchMessage;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BurstLatencySplitTest {

    private static final long S = 1_000_000_000L;

    /** Histograms are handed over once per round: each read empties the recorder. */
    @Test
    void messagesDueDuringABurstOrItsAggregateAreKeptApart() {
        BurstLatencySplit split = new BurstLatencySplit(2);
        split.planRound(1, List.of(new Burst(4, 1, true, 10 * S, S, "👏")));

        split.onFirstDelivery(new BenchMessage(1, true, 1, 10 * S + S / 2), 10 * S + S / 2 + 30_000_000);
        split.onFirstDelivery(new BenchMessage(1, true, 2, 13 * S), 13 * S + 5_000_000);
        split.onFirstDelivery(new BenchMessage(1, false, 3, 10 * S), 10 * S + 5_000_000);

        Histogram during = split.duringBursts(1);
        assertThat(during.getTotalCount()).isEqualTo(1);
        assertThat(during.getMaxValue()).isBetween(29_900L, 30_100L);
        assertThat(split.quiet(1).getTotalCount()).isEqualTo(1);
        assertThat(split.duringBursts(0).getTotalCount()).isZero();
    }
}
