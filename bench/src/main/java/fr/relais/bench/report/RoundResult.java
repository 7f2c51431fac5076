package fr.relais.bench.report;

import fr.relais.bench.measure.RoundStats;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Figures of one round, ready to print. Latencies in milliseconds.
 *
 * @param deliveriesInWindow bench deliveries that arrived during the measured window (any
 *                           round or phase): what the hub's CPU time in that window paid for
 * @param saturated          deliveries were still arriving when the drain gave up: the hub
 *                           queued more than it could send, and "lost" is mostly backlog
 * @param maxRssKiB          highest resident set of the server sampled during the window, -1 if unknown
 * @param liveHeapKiB        server heap after a forced GC at the end of the round, -1 if not measured
 */
public record RoundResult(
        int offeredRate,
        int subscribers,
        double windowSeconds,
        long sent,
        long rejected,
        long expectedDeliveries,
        long uniqueDeliveries,
        long duplicates,
        long seqRegressions,
        long deliveriesInWindow,
        Latency latency,
        long acked,
        long receiptFailures,
        Latency receiptLatency,
        double hubCpuSeconds,
        double benchCpuSeconds,
        double machineCpuSeconds,
        int connectionsClosedByServer,
        Map<String, Long> errorCodes,
        boolean saturated,
        long maxRssKiB,
        long liveHeapKiB) {

    public record Latency(long count, double p50, double p99, double p999, double max) {

        public static Latency of(Histogram micros) {
            return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                    millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                    millis(micros.getMaxValue()));
        }

        private static double millis(long micros) {
            return micros / 1000.0;
        }
    }

    public static RoundResult of(RoundStats round, int subscribers, double windowSeconds, long deliveriesInWindow,
                                 double hubCpuSeconds, double benchCpuSeconds, double machineCpuSeconds,
                                 int closedByServer,
                                 boolean saturated, long maxRssKiB, long liveHeapKiB) {
        long expected = round.expectedDeliveries();
        return new RoundResult(round.offeredRate(), subscribers, windowSeconds, round.sent(), round.rejected(),
                expected, round.uniqueDeliveries(), round.duplicates(), round.seqRegressions(), deliveriesInWindow,
                Latency.of(round.latencyHistogram()), round.acked(), round.receiptFailures(),
                Latency.of(round.receiptLatencyHistogram()), hubCpuSeconds, benchCpuSeconds, machineCpuSeconds, closedByServer,
                round.errorCodes(), saturated, maxRssKiB, liveHeapKiB);
    }

    /** Expected deliveries not arrived by the end of the drain; negative would mean deliveries of unsent messages. */
    public long lost() {
        return expectedDeliveries - uniqueDeliveries;
    }

    /** Busy CPU of everything else on the machine during the window (builds, other programs). */
    public double otherCpuSeconds() {
        return machineCpuSeconds - benchCpuSeconds - (Double.isNaN(hubCpuSeconds) ? 0 : hubCpuSeconds);
    }

    public double deliveriesPerSecond() {
        return deliveriesInWindow / windowSeconds;
    }

    public double ackedPerSecond() {
        return acked / windowSeconds;
    }

    public double deliveriesPerHubCpuSecond() {
        return hubCpuSeconds > 0 ? deliveriesInWindow / hubCpuSeconds : Double.NaN;
    }
}
