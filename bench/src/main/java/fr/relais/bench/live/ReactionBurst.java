package fr.relais.bench.live;

import fr.relais.bench.options.BenchOptionsParser;
import java.time.Duration;

/**
 * How reactors react: every {@code period}, each reactor sends {@code reactionsPerReactor}
 * reactions spread over {@code spread} (a debate's punchline: everyone claps within a second).
 * Written {@code K/PERIOD[/SPREAD]} on the command line, for example {@code 5/5s/1s}.
 */
public record ReactionBurst(int reactionsPerReactor, Duration period, Duration spread) {

    public static final ReactionBurst DEFAULT = new ReactionBurst(5, Duration.ofSeconds(5), Duration.ofSeconds(1));

    public ReactionBurst {
        if (reactionsPerReactor <= 0) {
            throw new IllegalArgumentException("reactions per burst must be positive");
        }
        if (spread.isNegative() || spread.isZero() || period.compareTo(spread) < 0) {
            throw new IllegalArgumentException("a burst's spread must be positive and fit in its period");
        }
    }

    /** {@code "5/5s"} (spread 1 s) or {@code "5/5s/500ms"}. */
    public static ReactionBurst parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("--reaction-burst is K/PERIOD[/SPREAD], for example 5/5s/1s: " + text);
        }
        int count;
        try {
            count = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--reaction-burst: not a number of reactions: " + parts[0]);
        }
        Duration period = BenchOptionsParser.parseDuration(parts[1]);
        Duration spread = parts.length == 3 ? BenchOptionsParser.parseDuration(parts[2]) : DEFAULT.spread();
        return new ReactionBurst(count, period, spread);
    }

    @Override
    public String toString() {
        return reactionsPerReactor + " per reactor every " + period.toMillis() + " ms within " + spread.toMillis() + " ms";
    }
}
