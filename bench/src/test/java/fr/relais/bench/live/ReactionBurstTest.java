package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReactionBurstTest {

    @Test
    void readsCountPeriodAndSpread() {
        ReactionBurst burst = ReactionBurst.parse("10/4s/500ms");

        assertThat(burst.reactionsPerReactor()).isEqualTo(10);
        assertThat(burst.period()).isEqualTo(Duration.ofSeconds(4));
        assertThat(burst.spread()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theSpreadDefaultsToOneSecond() {
        assertThat(ReactionBurst.parse("3/5s").spread()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesBurstsThatDoNotFitTheirPeriod() {
        assertThatThrownBy(() -> ReactionBurst.parse("3/1s/2s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReactionBurst.parse("0/5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReactionBurst.parse("5")).isInstanceOf(IllegalArgumentException.class);
    }
}
