package fr.relais.bench.report;

import fr.relais.bench.options.BenchOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints round results as markdown tables, ready to paste into docs/performance.md. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static void print(PrintStream out, BenchOptions options, List<RoundResult> results) {
        out.println();
        out.printf(Locale.ROOT, "Channel `%s`, %d subscriber connections over %s, %d publisher(s), %d-char texts, "
                        + "%s warm-up + %s measured per rate%s%s.%n",
                options.channelId(), results.isEmpty() ? 0 : results.getFirst().subscribers(),
                options.subscriberAccounts() == 0 ? "the admin account" : options.subscriberAccounts() + " accounts",
                options.publishers(), options.textLength(), seconds(options.warmup().toMillis()),
                seconds(options.duration().toMillis()),
                options.prewarm().isZero() ? "" : " (" + seconds(options.prewarm().toMillis()) + " more before the first)",
                options.receipts() ? ", every SEND with a receipt" : "");
        out.println();
        out.println("| offered msg/s | sent | deliveries/s | latency p50 / p99 / p99.9 / max (ms) | lost | duplicates "
                + "| seq regressions | hub CPU (s) | deliveries per hub CPU-s | bench CPU (s) | other CPU (s) |");
        out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (RoundResult r : results) {
            out.printf(Locale.ROOT, "| %d | %d | %,.0f | %s | %s | %d | %d | %.1f | %,.0f | %.1f | %.1f |%n",
                    r.offeredRate(), r.sent(), r.deliveriesPerSecond(), latencies(r.latency()), lost(r),
                    r.duplicates(), r.seqRegressions(), r.hubCpuSeconds(), r.deliveriesPerHubCpuSecond(),
                    r.benchCpuSeconds(), r.otherCpuSeconds());
        }
        if (results.stream().anyMatch(RoundResult::saturated)) {
            out.println();
            out.println("*saturated*: deliveries were still arriving when the drain (--drain) ended; the count is "
                    + "the backlog left, not proven losses. Higher rates were skipped.");
        }
        if (options.receipts()) {
            out.println();
            out.println("| offered msg/s | stored and acked msg/s | receipt p50 / p99 / p99.9 / max (ms) | receipt failures | refused |");
            out.println("|---:|---:|---|---:|---:|");
            for (RoundResult r : results) {
                out.printf(Locale.ROOT, "| %d | %.1f | %s | %d | %d |%n", r.offeredRate(), r.ackedPerSecond(),
                        latencies(r.receiptLatency()), r.receiptFailures(), r.rejected());
            }
        }
        out.println();
    }

    /** One line per round while the run goes on, with the details the tables leave out. */
    public static String progressLine(RoundResult r) {
        return String.format(Locale.ROOT,
                "rate %d msg/s: sent %d, refused %d %s, expected %d deliveries, got %d unique (lost %d, dup %d, "
                        + "seq regressions %d), %,.0f deliveries/s, p50 %.1f ms p99 %.1f ms max %.1f ms, "
                        + "hub CPU %.1f s, bench CPU %.1f s, other processes %.1f s, acked %d, receipt failures %d, "
                        + "connections closed by hub %d%s",
                r.offeredRate(), r.sent(), r.rejected(), r.errorCodes(), r.expectedDeliveries(), r.uniqueDeliveries(),
                r.lost(), r.duplicates(), r.seqRegressions(), r.deliveriesPerSecond(), r.latency().p50(),
                r.latency().p99(), r.latency().max(), r.hubCpuSeconds(), r.benchCpuSeconds(), r.otherCpuSeconds(), r.acked(),
                r.receiptFailures(), r.connectionsClosedByServer(),
                r.saturated() ? " - SATURATED: backlog still draining" : "");
    }

    private static String lost(RoundResult r) {
        return r.saturated() ? r.lost() + " *saturated*" : Long.toString(r.lost());
    }

    private static String latencies(RoundResult.Latency latency) {
        if (latency.count() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", latency.p50(), latency.p99(), latency.p999(),
                latency.max());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
