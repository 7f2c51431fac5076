package fr.relais.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryStepTest {

    @Test
    void perConnectionCostIsTheDifferenceWithNoneDividedByTheCount() {
        MemoryStep none = MemoryStep.of(0, 100_000, 400_000, null);
        MemoryStep step = MemoryStep.of(1_000, 120_000, 450_000, none);

        assertThat(step.heapPerConnectionKiB()).isEqualTo(20.0);
        assertThat(step.rssPerConnectionKiB()).isEqualTo(50.0);
        assertThat(MemoryStep.markdown("hub", java.util.List.of(none, step))).contains("| 1,000 | 117 | 439 | 20.0 | 50.0 |");
    }

    @Test
    void unknownMemoryGivesNoPerConnectionFigure() {
        MemoryStep none = MemoryStep.of(0, -1, 400_000, null);

        assertThat(MemoryStep.of(10, 5_000, 400_100, none).heapPerConnectionKiB()).isNaN();
    }
}
