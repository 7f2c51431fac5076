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
        out.printf(Locale.ROOT, "%s: %s, %d subscriber connections over %s%s, %d publisher(s), %d-char texts, "
                        + "%s warm-up + %s measured per rate%s%s.%n",
                options.label(), channels(options.channels()), results.isEmpty() ? 0 : results.getFirst().subscribers(),
                !options.auth() ? "no accounts (no authentication)"
                        : options.subscriberAccounts() == 0 ? "the admin account"
                        : options.subscriberAccounts() + " accounts per federation",
                options.subscriberUrls().size() > 1 ? " on " + options.subscriberUrls().size() + " servers in turn" : "",
                options.publishers(), options.textLength(), seconds(options.warmup().toMillis()),
                seconds(options.duration().toMillis()),
                options.prewarm().isZero() ? "" : " (" + seconds(options.prewarm().toMillis()) + " more before the first)",
                options.receipts() ? ", every SEND with a receipt" : "");
        out.println();
        out.println("| offered msg/s | sent | deliveries/s | latency p50 / p99 / p99.9 / max (ms) | lost | duplicates "
                + "| seq regressions | server CPU (s) | deliveries per server CPU-s | bench CPU (s) | other CPU (s) "
                + "| server RSS max (MiB) | live heap after (MiB) |");
        out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (RoundResult r : results) {
            out.printf(Locale.ROOT, "| %d | %d | %,.0f | %s | %s | %d | %d | %.1f | %,.0f | %.1f | %.1f | %s | %s |%n",
                    r.offeredRate(), r.sent(), r.deliveriesPerSecond(), latencies(r.latency()), lost(r),
                    r.duplicates(), r.seqRegressions(), r.hubCpuSeconds(), r.deliveriesPerHubCpuSecond(),
                    r.benchCpuSeconds(), r.otherCpuSeconds(), mebibytes(r.maxRssKiB()), mebibytes(r.liveHeapKiB()));
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
                        + "connections closed by server %d, server RSS max %s MiB, live heap after %s MiB%s",
                r.offeredRate(), r.sent(), r.rejected(), r.errorCodes(), r.expectedDeliveries(), r.uniqueDeliveries(),
                r.lost(), r.duplicates(), r.seqRegressions(), r.deliveriesPerSecond(), r.latency().p50(),
                r.latency().p99(), r.latency().max(), r.hubCpuSeconds(), r.benchCpuSeconds(), r.otherCpuSeconds(), r.acked(),
                r.receiptFailures(), r.connectionsClosedByServer(), mebibytes(r.maxRssKiB()), mebibytes(r.liveHeapKiB()),
                r.saturated() ? " - SATURATED: backlog still draining" : "");
    }

    private static String channels(List<String> channels) {
        return channels.size() == 1 ? "channel `" + channels.getFirst() + "`"
                : channels.size() + " channels (`" + channels.getFirst() + "` … `" + channels.getLast() + "`)";
    }

    static String mebibytes(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", kib / 1024.0);
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
