package fr.relais.bench.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints the hub-versus-baseline ratio table of a scenario from its results file:
 * {@code CompareRuns <results.tsv> <baseline label> <hub label> [p99 limit ms, default 100]}.
 */
public final class CompareRuns {

    private CompareRuns() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: CompareRuns <results.tsv> <baseline label> <hub label> [p99 limit ms]");
            System.exit(2);
        }
        List<RoundRow> rows = ResultsFile.read(Path.of(args[0]));
        double limit = args.length > 3 ? Double.parseDouble(args[3]) : 100;
        List<RoundRow> baseline = rows.stream().filter(r -> r.label().equals(args[1])).toList();
        List<RoundRow> hub = rows.stream().filter(r -> r.label().equals(args[2])).toList();
        System.out.print(new RatioReport(args[1], baseline, args[2], hub, limit).markdown());
    }
}
