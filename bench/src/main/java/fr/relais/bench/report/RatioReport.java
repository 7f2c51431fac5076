package fr.relais.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Sets the hub's rounds beside the baseline's at equal offered load, as ratios hub ÷ baseline,
 * and sums the comparison up in the figures the targets are stated in.
 *
 * @param p99LimitMillis the step search's limit: a round above it is no longer "sustained"
 */
public record RatioReport(String baselineLabel, List<RoundRow> baseline, String hubLabel, List<RoundRow> hub,
                          double p99LimitMillis) {

    /** The baseline p99 at which the latency target is read. */
    public static final double BASELINE_P99_MARK_MILLIS = 50;

    /** Highest deliveries/s among sustained rounds. */
    public static Optional<RoundRow> bestSustained(List<RoundRow> rows, double p99LimitMillis) {
        return rows.stream().filter(r -> r.sustained(p99LimitMillis))
                .max((a, b) -> Double.compare(a.deliveriesPerSecond(), b.deliveriesPerSecond()));
    }

    /** First offered rate (ascending) at which the rows' p99 passes {@code millis}, or a saturated/lossy round. */
    public static Optional<Integer> firstRatePassing(List<RoundRow> rows, double millis) {
        return rows.stream().sorted((a, b) -> Integer.compare(a.offeredRate(), b.offeredRate()))
                .filter(r -> r.p99() > millis || r.saturated() || r.lost() > 0)
                .map(RoundRow::offeredRate).findFirst();
    }

    public static Optional<RoundRow> atRate(List<RoundRow> rows, int rate) {
        return rows.stream().filter(r -> r.offeredRate() == rate).findFirst();
    }

    /**
     * Hub ÷ baseline deliveries per server CPU-second, at the highest offered rate both sustained
     * (a saturated server's CPU figure measures its queueing, not its efficiency).
     */
    public Optional<Double> efficiencyRatioAtHighestCommonSustainedRate() {
        return commonRates().descendingSet().stream()
                .filter(rate -> atRate(baseline, rate).orElseThrow().sustained(p99LimitMillis)
                        && atRate(hub, rate).orElseThrow().sustained(p99LimitMillis))
                .findFirst()
                .map(rate -> atRate(hub, rate).orElseThrow().deliveriesPerServerCpuSecond()
                        / atRate(baseline, rate).orElseThrow().deliveriesPerServerCpuSecond());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| offered msg/s | deliveries/s %s / %s (ratio) | deliveries per server CPU-s "
                + "%s / %s (ratio) | p50 ms %s / %s | p99 ms %s / %s | other CPU s %s / %s |%n",
                baselineLabel, hubLabel, baselineLabel, hubLabel, baselineLabel, hubLabel, baselineLabel, hubLabel,
                baselineLabel, hubLabel));
        out.append("|---:|---|---|---|---|---|\n");
        for (int rate : allRates()) {
            Optional<RoundRow> b = atRate(baseline, rate);
            Optional<RoundRow> h = atRate(hub, rate);
            out.append(String.format(Locale.ROOT, "| %d | %s / %s (%s) | %s / %s (%s) | %s / %s | %s / %s | %s / %s |%n", rate,
                    b.map(r -> count(r.deliveriesPerSecond()) + mark(r)).orElse("—"),
                    h.map(r -> count(r.deliveriesPerSecond()) + mark(r)).orElse("—"),
                    ratio(b.map(RoundRow::deliveriesPerSecond), h.map(RoundRow::deliveriesPerSecond)),
                    b.map(r -> count(r.deliveriesPerServerCpuSecond())).orElse("—"),
                    h.map(r -> count(r.deliveriesPerServerCpuSecond())).orElse("—"),
                    ratio(b.map(RoundRow::deliveriesPerServerCpuSecond), h.map(RoundRow::deliveriesPerServerCpuSecond)),
                    b.map(r -> millis(r.p50())).orElse("—"), h.map(r -> millis(r.p50())).orElse("—"),
                    b.map(r -> millis(r.p99())).orElse("—"), h.map(r -> millis(r.p99())).orElse("—"),
                    b.map(r -> millis(r.otherCpuSeconds())).orElse("—"), h.map(r -> millis(r.otherCpuSeconds())).orElse("—")));
        }
        out.append('\n');
        Optional<RoundRow> bestBaseline = bestSustained(baseline, p99LimitMillis);
        Optional<RoundRow> bestHub = bestSustained(hub, p99LimitMillis);
        out.append(String.format(Locale.ROOT, "- sustained deliveries/s (p99 ≤ %s ms, nothing lost or queued): %s %s, %s %s, ratio %s%n",
                millis(p99LimitMillis), baselineLabel, bestBaseline.map(RatioReport::describe).orElse("none"), hubLabel,
                bestHub.map(RatioReport::describe).orElse("none"),
                ratio(bestBaseline.map(RoundRow::deliveriesPerSecond), bestHub.map(RoundRow::deliveriesPerSecond))));
        out.append(String.format(Locale.ROOT, "- deliveries per server CPU-s, %s ÷ %s at the highest offered rate both sustained: %s%n",
                hubLabel, baselineLabel, efficiencyRatioAtHighestCommonSustainedRate()
                        .map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("no common sustained rate")));
        Optional<Integer> mark = firstRatePassing(baseline, BASELINE_P99_MARK_MILLIS);
        out.append(String.format(Locale.ROOT, "- at the first offered rate where the %s's p99 passes %s ms: %s%n", baselineLabel,
                millis(BASELINE_P99_MARK_MILLIS), mark.map(rate -> rate + " msg/s, " + hubLabel + " p99 "
                        + atRate(hub, rate).map(r -> millis(r.p99()) + " ms" + mark(r)).orElse("not measured (ladder stopped before)"))
                        .orElse("never reached in this run")));
        return out.toString();
    }

    private TreeSet<Integer> commonRates() {
        TreeSet<Integer> rates = new TreeSet<>();
        baseline.forEach(r -> rates.add(r.offeredRate()));
        rates.retainAll(hub.stream().map(RoundRow::offeredRate).toList());
        return rates;
    }

    private List<Integer> allRates() {
        TreeSet<Integer> rates = new TreeSet<>();
        baseline.forEach(r -> rates.add(r.offeredRate()));
        hub.forEach(r -> rates.add(r.offeredRate()));
        return new ArrayList<>(rates);
    }

    private static String describe(RoundRow r) {
        return count(r.deliveriesPerSecond()) + " (at " + r.offeredRate() + " msg/s)";
    }

    private static String mark(RoundRow r) {
        return r.saturated() ? " *saturated*" : r.lost() > 0 ? " *lost " + r.lost() + "*" : "";
    }

    static String ratio(Optional<Double> baseline, Optional<Double> hub) {
        if (baseline.isEmpty() || hub.isEmpty() || !(baseline.get() > 0) || hub.get().isNaN()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", hub.get() / baseline.get());
    }

    private static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
