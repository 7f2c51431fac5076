package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurstScheduleTest {

    private static final long S = 1_000_000_000L;
    private static final ReactionBurst EVERY_5S = new ReactionBurst(2, Duration.ofSeconds(5), Duration.ofSeconds(1));

    @Test
    void burstsStartOneSecondIntoTheWindowAndRepeatEveryPeriodWithinWarmupAndWindow() {
        // regular warm-up from 100 s, window 105 s .. 115 s
        BurstSchedule schedule = BurstSchedule.plan(EVERY_5S, 3, 0, 0, 100 * S, 105 * S, 115 * S);

        assertThat(schedule.bursts()).extracting(Burst::startNanos).containsExactly(101 * S, 106 * S, 111 * S);
        assertThat(schedule.bursts()).extracting(Burst::measured).containsExactly(false, true, true);
        assertThat(schedule.bursts()).extracting(Burst::number).containsExactly(0, 1, 2);
    }

    @Test
    void aBurstThatWouldOutlastTheWindowIsLeftOut() {
        // window of 4 s: 105 .. 109; a burst at 111 would end after it
        BurstSchedule schedule = BurstSchedule.plan(EVERY_5S, 3, 2, 7, 103 * S, 105 * S, 109 * S);

        assertThat(schedule.bursts()).extracting(Burst::startNanos).containsExactly(106 * S);
        assertThat(schedule.bursts().getFirst().number()).isEqualTo(7);
        assertThat(schedule.bursts().getFirst().round()).isEqualTo(2);
    }

    @Test
    void emojisFollowThePaletteByBurstNumberAcrossRounds() {
        List<Burst> bursts = BurstSchedule.plan(EVERY_5S, 1, 0, 7, 0, 0, 30 * S).bursts();

        assertThat(bursts).extracting(Burst::emoji).startsWith(Burst.PALETTE[7], Burst.PALETTE[0], Burst.PALETTE[1]);
    }

    @Test
    void reactionsOfABurstAreInterleavedAndSpreadEvenly() {
        BurstSchedule schedule = BurstSchedule.plan(EVERY_5S, 4, 0, 0, 0, 0, 10 * S);
        Burst burst = schedule.bursts().getFirst();

        assertThat(schedule.reactionsPerBurst()).isEqualTo(8);
        assertThat(schedule.reactorOfSlot(0)).isZero();
        assertThat(schedule.reactorOfSlot(3)).isEqualTo(3);
        assertThat(schedule.reactorOfSlot(4)).isZero();
        assertThat(schedule.dueNanos(burst, 0)).isEqualTo(burst.startNanos());
        assertThat(schedule.dueNanos(burst, 4)).isEqualTo(burst.startNanos() + S / 2);
        assertThat(schedule.dueNanos(burst, 7)).isLessThan(burst.startNanos() + S);
    }

    @Test
    void aBurstWeighsOnTheServerUntilItsAggregateHasGoneOut() {
        Burst burst = new Burst(0, 0, true, 10 * S, S, "👏");

        assertThat(burst.affects(10 * S - 1)).isFalse();
        assertThat(burst.affects(10 * S)).isTrue();
        assertThat(burst.affects(12 * S - 1)).isTrue();
        assertThat(burst.affects(12 * S)).isFalse();
    }
}
