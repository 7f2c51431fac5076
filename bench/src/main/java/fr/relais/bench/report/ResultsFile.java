package fr.relais.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tab-separated line per round, appended by each run (baseline, hub, hub on two nodes...)
 * of a scenario, so that {@link CompareRuns} can set them side by side afterwards.
 */
public final class ResultsFile {

    static final String HEADER = String.join("\t", "label", "offered", "sent", "deliveries_per_s", "p50_ms", "p99_ms",
            "max_ms", "lost", "saturated", "server_cpu_s", "deliveries_per_cpu_s", "bench_cpu_s", "other_cpu_s",
            "acked_per_s", "receipt_p99_ms", "rejected", "max_rss_kib");

    private ResultsFile() {
    }

    public static void append(Path file, List<RoundRow> rows) {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            lines.add(HEADER);
        }
        rows.forEach(row -> lines.add(format(row)));
        try {
            Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<RoundRow> read(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("label\t"))
                    .map(ResultsFile::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String format(RoundRow r) {
        return String.join("\t", r.label(), Integer.toString(r.offeredRate()), Long.toString(r.sent()),
                number(r.deliveriesPerSecond()), number(r.p50()), number(r.p99()), number(r.max()), Long.toString(r.lost()),
                Boolean.toString(r.saturated()), number(r.serverCpuSeconds()), number(r.deliveriesPerServerCpuSecond()),
                number(r.benchCpuSeconds()), number(r.otherCpuSeconds()), number(r.ackedPerSecond()),
                number(r.receiptP99()), Long.toString(r.rejected()), Long.toString(r.maxRssKiB()));
    }

    static RoundRow parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 17) {
            throw new IllegalArgumentException("expected 17 columns: " + line);
        }
        return new RoundRow(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7]),
                Boolean.parseBoolean(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                Double.parseDouble(f[12]), Double.parseDouble(f[13]), Double.parseDouble(f[14]), Long.parseLong(f[15]),
                Long.parseLong(f[16]));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.3f", value);
    }
}
