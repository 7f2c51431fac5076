package fr.relais.bench.live;

import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.report.RoundResult;
import fr.relais.bench.report.RoundResult.Latency;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the live side of the rounds as a markdown table, next to the message figures of the same windows. */
public final class LiveReport {

    private LiveReport() {
    }

    public static void print(PrintStream out, BenchOptions options, List<RoundResult> messages, List<LiveRoundResult> live) {
        out.println();
        out.printf(Locale.ROOT, "%s, live session on `%s`: %d watchers, %d reactors, bursts of %s%s.%n", options.label(),
                options.channels().getFirst(), live.isEmpty() ? 0 : live.getFirst().watchers(), options.reactors(),
                options.reactionBurst(), options.target() == BenchOptions.Target.HUB
                        ? ", each reaction with a receipt (accepted = counted by the hub); seen = the first "
                        + "`live.reactions` aggregate including the burst, all seen = the one including all of it"
                        : "; the baseline fans every reaction out as its own frame and confirms nothing; seen = the "
                        + "burst's first frame, all seen = its last, once the watcher has one per reaction sent");
        out.println();
        out.println("| offered msg/s | measured bursts | reactions sent / accepted / refused / unanswered "
                + "| live frames per watcher | burst → first seen p50 / p99 / max (ms) "
                + "| burst → all seen p50 / p99 / max (ms) | never seen / incomplete | counts exact "
                + "| messages during bursts p50 / p99 (ms) | other messages p50 / p99 (ms) | server CPU (s) "
                + "| deliveries + live frames per server CPU-s | other CPU (s) |");
        out.println("|---:|---:|---|---:|---|---|---|---|---|---|---:|---:|---:|");
        for (int i = 0; i < live.size() && i < messages.size(); i++) {
            LiveRoundResult l = live.get(i);
            RoundResult m = messages.get(i);
            double perCpu = m.hubCpuSeconds() > 0 ? (m.deliveriesInWindow() + l.liveFramesInWindow()) / m.hubCpuSeconds() : Double.NaN;
            out.printf(Locale.ROOT, "| %d | %d | %s | %,.1f | %s | %s | %d / %d | %s | %s | %s | %.1f | %,.0f | %.1f |%n",
                    l.offeredRate(), l.measuredBursts(), reactions(l), l.liveFramesPerWatcher(), latencies(l.firstSeen()),
                    latencies(l.complete()), l.neverSeen(), l.neverComplete(), l.exact() ? "yes" : "**no**",
                    twoLatencies(l.messagesDuringBursts()), twoLatencies(l.messagesQuiet()), m.hubCpuSeconds(), perCpu,
                    m.otherCpuSeconds());
        }
        out.println();
        for (LiveRoundResult l : live) {
            out.printf(Locale.ROOT, "- %d msg/s: %s%s%n", l.offeredRate(), l.reconciliation(),
                    l.refused().isEmpty() ? "" : "; refused " + l.refused());
        }
        out.println();
    }

    /** One line per round while the run goes on. */
    public static String progressLine(LiveRoundResult l) {
        return String.format(Locale.ROOT, "  live: %d measured bursts, reactions %s, %.1f live frames per watcher, "
                        + "first aggregate p50 %.1f ms p99 %.1f ms, complete p99 %.1f ms, never seen %d, incomplete %d; %s",
                l.measuredBursts(), reactions(l), l.liveFramesPerWatcher(), l.firstSeen().p50(), l.firstSeen().p99(),
                l.complete().p99(), l.neverSeen(), l.neverComplete(), l.reconciliation());
    }

    private static String reactions(LiveRoundResult l) {
        return String.format(Locale.ROOT, "%,d / %s / %,d / %,d", l.sent(), l.accepted() < 0 ? "—" : String.format(Locale.ROOT, "%,d", l.accepted()),
                l.refusedTotal(), l.unanswered());
    }


    private static String latencies(Latency latency) {
        return latency.count() == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", latency.p50(), latency.p99(), latency.max());
    }

    private static String twoLatencies(Latency latency) {
        return latency.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f", latency.p50(), latency.p99());
    }
}
