package fr.relais.bench.options;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code --name value} pairs (and the {@code --receipts} switch) into {@link BenchOptions}. */
public final class BenchOptionsParser {

    public static final String USAGE = """
            FanoutBench: one channel, many subscriber connections, paced publishers.
              --url URL                  hub base URL (default http://localhost:8080)
              --admin-user NAME          account that creates bench users and publishes (default admin)
              --admin-password PASS      default: $RELAIS_ADMIN_PASSWORD
              --channel ID               channel to load (default fed-29)
              --federation CODE          federation of the bench subscriber accounts (default 29)
              --subscribers N            subscriber connections (default 1000)
              --subscriber-accounts N    accounts shared by those connections, 0 = admin (default 4)
              --subscriber-password P    password of the bench accounts (default Bench-Relais-2025!)
              --publishers N             publishing connections (default 1)
              --rate R[,R...]            offered msg/s in total, one round per value (default 200)
              --prewarm D                extra unmeasured warm-up before the first rate, for the
                                         hub's JIT after a fresh start (default 0s; 60s advised)
              --warmup D                 per round, not measured (default 5s)
              --duration D               measured window per round (default 30s)
              --drain D                  max wait for late deliveries after a round (default 15s)
              --text-length N            characters per message text (default 100)
              --receipts                 every SEND asks for a RECEIPT; report acked msg/s
              --server-pid PID           hub process, for CPU time from /proc (default: not measured)
              --clk-tck N                kernel clock ticks per second, getconf CLK_TCK (default 100)
              --connect-concurrency N    connections opened at once (default 32)
              --client-threads N         threads for WebSocket callbacks (default 2)
            Durations: 500ms, 20s, 2m.""";

    private BenchOptionsParser() {
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean receipts = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--receipts")) {
                receipts = true;
            } else if (name.startsWith("--") && i + 1 < args.length) {
                values.put(name.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
        }
        OptionValues options = new OptionValues(values);
        BenchOptions parsed = new BenchOptions(
                URI.create(options.text("url", "http://localhost:8080")),
                options.text("admin-user", "admin"),
                options.text("admin-password", System.getenv().getOrDefault("RELAIS_ADMIN_PASSWORD", "")),
                options.text("channel", "fed-29"),
                options.text("federation", "29"),
                options.positive("subscribers", 1000),
                options.atLeastZero("subscriber-accounts", 4),
                options.text("subscriber-password", "Bench-Relais-2025!"),
                options.positive("publishers", 1),
                options.rates("rate", List.of(200)),
                options.duration("prewarm", Duration.ZERO),
                options.duration("warmup", Duration.ofSeconds(5)),
                options.duration("duration", Duration.ofSeconds(30)),
                options.duration("drain", Duration.ofSeconds(15)),
                options.positive("text-length", 100),
                receipts,
                options.atLeastZero("server-pid", 0),
                options.positive("clk-tck", 100),
                options.positive("connect-concurrency", 32),
                options.positive("client-threads", 2));
        options.rejectUnknown();
        if (parsed.adminPassword().isEmpty()) {
            throw new IllegalArgumentException("no admin password: pass --admin-password or set RELAIS_ADMIN_PASSWORD");
        }
        return parsed;
    }

    /** "20s", "500ms", "2m"; a bare number means seconds. */
    public static Duration parseDuration(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
    }

    /** Typed access to the raw values, remembering which ones were used. */
    private static final class OptionValues {

        private final Map<String, String> raw;

        OptionValues(Map<String, String> raw) {
            this.raw = new HashMap<>(raw);
        }

        String text(String name, String fallback) {
            String value = raw.remove(name);
            return value == null ? fallback : value;
        }

        int positive(String name, int fallback) {
            int value = Math.toIntExact(number(name, fallback));
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be positive");
            }
            return value;
        }

        int atLeastZero(String name, int fallback) {
            long value = number(name, fallback);
            if (value < 0) {
                throw new IllegalArgumentException("--" + name + " cannot be negative");
            }
            return Math.toIntExact(value);
        }

        Duration duration(String name, Duration fallback) {
            String value = raw.remove(name);
            return value == null ? fallback : parseDuration(value);
        }

        List<Integer> rates(String name, List<Integer> fallback) {
            String value = raw.remove(name);
            if (value == null) {
                return fallback;
            }
            List<Integer> rates = new ArrayList<>();
            for (String rate : value.split(",")) {
                int parsed = Integer.parseInt(rate.trim());
                if (parsed <= 0) {
                    throw new IllegalArgumentException("rates must be positive: " + value);
                }
                rates.add(parsed);
            }
            return List.copyOf(rates);
        }

        void rejectUnknown() {
            if (!raw.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + Arrays.toString(raw.keySet().toArray()));
            }
        }

        private long number(String name, long fallback) {
            String value = raw.remove(name);
            try {
                return value == null ? fallback : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " expects a number, got " + value);
            }
        }
    }
}
