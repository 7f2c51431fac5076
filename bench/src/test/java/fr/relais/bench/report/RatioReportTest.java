package fr.relais.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatioReportTest {

    private static RoundRow row(String label, int rate, double deliveries, double p99, double perCpu, boolean saturated) {
        return new RoundRow(label, rate, rate * 10L, deliveries, p99 / 2, p99, p99 * 2, 0, saturated, 1, perCpu, 1, 0,
                0, 0, 0, -1);
    }

    private final List<RoundRow> baseline = List.of(
            row("baseline", 100, 10_000, 5, 20_000, false),
            row("baseline", 200, 20_000, 60, 25_000, false),
            row("baseline", 400, 30_000, 900, 26_000, true));
    private final List<RoundRow> hub = List.of(
            row("hub", 100, 10_000, 3, 60_000, false),
            row("hub", 200, 20_000, 8, 80_000, false),
            row("hub", 400, 40_000, 40, 90_000, false),
            row("hub", 800, 60_000, 150, 95_000, false));

    @Test
    void sustainedMeansWithinTheLimitWithNothingLostOrQueued() {
        assertThat(RatioReport.bestSustained(baseline, 100)).map(RoundRow::offeredRate).contains(200);
        assertThat(RatioReport.bestSustained(hub, 100)).map(RoundRow::offeredRate).contains(400);
    }

    @Test
    void efficiencyIsComparedAtTheHighestRateBothSustained() {
        RatioReport report = new RatioReport("baseline", baseline, "hub", hub, 100);

        assertThat(report.efficiencyRatioAtHighestCommonSustainedRate()).contains(80_000.0 / 25_000.0);
    }

    @Test
    void findsTheRateWhereTheBaselinePassesTheLatencyMark() {
        assertThat(RatioReport.firstRatePassing(baseline, 50)).contains(200);
        assertThat(RatioReport.firstRatePassing(hub.subList(0, 2), 50)).isEmpty();
    }

    @Test
    void markdownHasOneLinePerRateAndTheSummary() {
        String markdown = new RatioReport("baseline", baseline, "hub", hub, 100).markdown();

        assertThat(markdown).contains("| 200 | 20,000 / 20,000 (1.00×) | 25,000 / 80,000 (3.20×) |");
        assertThat(markdown).contains("| 800 | — / 60,000 (—)");
        assertThat(markdown).contains("200 msg/s, hub p99 8.0 ms");
        assertThat(markdown).contains("ratio 2.00×");
    }

    @Test
    void ratioNeedsBothSides() {
        assertThat(RatioReport.ratio(Optional.of(2.0), Optional.of(5.0))).isEqualTo("2.50×");
        assertThat(RatioReport.ratio(Optional.empty(), Optional.of(5.0))).isEqualTo("—");
    }

    @Test
    void resultsFileLinesRoundTrip() {
        RoundRow original = row("hub", 100, 12_345.5, 7.25, 61_000, true);

        assertThat(ResultsFile.parse(ResultsFile.format(original))).isEqualTo(original);
    }
}
