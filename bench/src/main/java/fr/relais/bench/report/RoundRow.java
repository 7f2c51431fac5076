package fr.relais.bench.report;

/**
 * The figures of one round that comparisons need, as written to and read from a results file.
 * Latencies in milliseconds, memory in KiB (-1 when unknown).
 */
public record RoundRow(
        String label,
        int offeredRate,
        long sent,
        double deliveriesPerSecond,
        double p50,
        double p99,
        double max,
        long lost,
        boolean saturated,
        double serverCpuSeconds,
        double deliveriesPerServerCpuSecond,
        double benchCpuSeconds,
        double otherCpuSeconds,
        double ackedPerSecond,
        double receiptP99,
        long rejected,
        long maxRssKiB) {

    public static RoundRow of(String label, RoundResult r) {
        return new RoundRow(label, r.offeredRate(), r.sent(), r.deliveriesPerSecond(), r.latency().p50(), r.latency().p99(),
                r.latency().max(), r.lost(), r.saturated(), r.hubCpuSeconds(), r.deliveriesPerHubCpuSecond(),
                r.benchCpuSeconds(), r.otherCpuSeconds(), r.ackedPerSecond(), r.receiptLatency().p99(), r.rejected(),
                r.maxRssKiB());
    }

    /** Kept up with the offered rate: every delivery made, none still queued, p99 within the limit. */
    public boolean sustained(double p99LimitMillis) {
        return !saturated && lost == 0 && p99 <= p99LimitMillis;
    }
}
