package fr.relais.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveReconciliationTest {

    @Test
    void theSameCountsPerEmojiAreExact() {
        LiveReconciliation check = new LiveReconciliation(Map.of("👏", 10L, "😂", 4L), Map.of("😂", 4L, "👏", 10L), 0);

        assertThat(check.exact()).isTrue();
        assertThat(check.describe()).startsWith("counted 14 of 14 owed (exact");
    }

    @Test
    void aLostReactionAndADoubleCountedOneDoNotCancelOut() {
        LiveReconciliation check = new LiveReconciliation(Map.of("👏", 10L, "😂", 4L), Map.of("👏", 9L, "😂", 5L), 0);

        assertThat(check.countedTotal()).isEqualTo(check.owedTotal());
        assertThat(check.missing()).isEqualTo(1);
        assertThat(check.extra()).isEqualTo(1);
        assertThat(check.exact()).isFalse();
        assertThat(check.consistent()).isFalse();
    }

    @Test
    void anEmojiTheBenchNeverSentIsExtra() {
        LiveReconciliation check = new LiveReconciliation(Map.of("👏", 2L), Map.of("👏", 2L, "🎉", 1L), 0);

        assertThat(check.extra()).isEqualTo(1);
        assertThat(check.exact()).isFalse();
    }

    @Test
    void unansweredReactionsMayHaveBeenCountedButNotLost() {
        LiveReconciliation counted = new LiveReconciliation(Map.of("👏", 10L), Map.of("👏", 12L), 2);
        LiveReconciliation notCounted = new LiveReconciliation(Map.of("👏", 10L), Map.of("👏", 10L), 2);
        LiveReconciliation lost = new LiveReconciliation(Map.of("👏", 10L), Map.of("👏", 9L), 2);

        assertThat(counted.consistent()).isTrue();
        assertThat(counted.exact()).isFalse();
        assertThat(notCounted.consistent()).isTrue();
        assertThat(lost.consistent()).isFalse();
    }
}
