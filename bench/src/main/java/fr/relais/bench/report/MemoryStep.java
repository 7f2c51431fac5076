package fr.relais.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * Server memory with {@code connections} idle connections open, and what each one costs
 * compared with none: (with N − with 0) ÷ N. Sizes in KiB.
 */
public record MemoryStep(int connections, long liveHeapKiB, long rssKiB, double heapPerConnectionKiB,
                         double rssPerConnectionKiB) {

    public static MemoryStep of(int connections, long liveHeapKiB, long rssKiB, MemoryStep none) {
        if (connections == 0) {
            return new MemoryStep(0, liveHeapKiB, rssKiB, Double.NaN, Double.NaN);
        }
        return new MemoryStep(connections, liveHeapKiB, rssKiB, perConnection(liveHeapKiB, none.liveHeapKiB(), connections),
                perConnection(rssKiB, none.rssKiB(), connections));
    }

    private static double perConnection(long with, long without, int connections) {
        return with < 0 || without < 0 ? Double.NaN : (with - without) / (double) connections;
    }

    public static String markdown(String label, List<MemoryStep> steps) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(label).append(": connections | live heap (MiB) | RSS (MiB) | heap per connection (KiB) | RSS per connection (KiB) |\n");
        out.append("|---:|---:|---:|---:|---:|\n");
        for (MemoryStep s : steps) {
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s |%n", s.connections(),
                    MarkdownReport.mebibytes(s.liveHeapKiB()), MarkdownReport.mebibytes(s.rssKiB()),
                    kib(s.heapPerConnectionKiB()), kib(s.rssPerConnectionKiB())));
        }
        return out.toString();
    }

    private static String kib(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f", value);
    }
}
