package fr.relais.bench.options;

import fr.relais.bench.live.ReactionBurst;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code --name value} pairs (and the switches such as {@code --receipts}) into {@link BenchOptions}. */
public final class BenchOptionsParser {

    public static final String USAGE = """
            FanoutBench: channels, many subscriber connections, paced publishers.
              --url URL                  server base URL (default http://localhost:8080)
              --target hub|baseline      the hub, or the plain Spring broker of bench/baseline: no
                                         accounts, no receipts, no REST (default hub)
              --no-auth                  connect without a token (implied by --target baseline)
              --admin-user NAME          account that creates bench users and publishes (default admin)
              --admin-password PASS      default: $RELAIS_ADMIN_PASSWORD
              --channel ID[,ID...]       channels to load, subscribers and messages spread over them
                                         in turn (default fed-29); alias --channels
              --federation CODE          federation of bench accounts for non-federation channels (default 29)
              --subscriber-urls U[,U...] servers the subscribers use in turn (default --url)
              --subscribers N            subscriber connections (default 1000)
              --subscriber-accounts N    accounts per federation shared by those connections,
                                         0 = admin (default 4)
              --subscriber-password P    password of the bench accounts (default Bench-Relais-2025!)
              --publishers N             publishing connections, all on --url (default 1)
              --rate R[,R...]            offered msg/s in total, one round per value (default 200)
              --stop-at-p99 MS           stop after the first round whose delivery p99 is above MS
              --prewarm D                extra unmeasured warm-up before the first rate, for the
                                         hub's JIT after a fresh start (default 0s; 60s advised)
              --warmup D                 per round, not measured (default 5s)
              --duration D               measured window per round (default 30s)
              --drain D                  max wait for late deliveries after a round (default 15s)
              --text-length N            characters per message text (default 100)
              --receipts                 every SEND asks for a RECEIPT; report acked msg/s (hub only)
              --verify-stored            after the run, check over REST that every acknowledged
                                         message is stored exactly once (implies --receipts)
              --heap-after-round         force a GC in the server after each round (jcmd) and
                                         report its live heap
              --idle-connections N[,N..] idle mode: open N connections (cumulative steps), each
                                         subscribed to one --channel and every --idle-topics, and
                                         report server heap and RSS per connection
              --idle-topics ID[,ID...]   default riposte-numerique,visuels,directs
              --server-pid PID           server process, for CPU and memory from /proc (default: not measured)
              --clk-tck N                kernel clock ticks per second, getconf CLK_TCK (default 100)
              --connect-concurrency N    connections opened at once (default 32)
              --client-threads N         threads for WebSocket callbacks (default 2)
              --results-file PATH        append one tab-separated line per round (see CompareRuns)
              --label NAME               run name in the results file (default: the target)
              --live                     live session on the first --channel for the whole run (the
                                         hub's admin starts it before the rounds, ends it after);
                                         every subscriber also watches /topic/live.<id>
              --reactors N               the first N subscriber connections also react (SEND
                                         /app/live.<id>.react) in bursts (default 0)
              --reaction-burst K/P[/S]   each reactor sends K reactions spread over S, every P
                                         (default 5/5s/1s); bursts skip --prewarm
              --live-slow-mode S         the session's slow mode in seconds (default 0; the admin
                                         publisher is exempt)
            Durations: 500ms, 20s, 2m.""";

    private static final List<String> SWITCHES = List.of("receipts", "no-auth", "verify-stored", "heap-after-round", "live");

    private BenchOptionsParser() {
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.startsWith("--") && SWITCHES.contains(name.substring(2))) {
                switches.add(name.substring(2));
            } else if (name.startsWith("--") && i + 1 < args.length) {
                values.put(name.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
        }
        OptionValues options = new OptionValues(values);
        URI baseUrl = URI.create(options.text("url", "http://localhost:8080"));
        BenchOptions.Target target = switch (options.text("target", "hub")) {
            case "hub" -> BenchOptions.Target.HUB;
            case "baseline" -> BenchOptions.Target.BASELINE;
            default -> throw new IllegalArgumentException("--target is hub or baseline");
        };
        boolean hub = target == BenchOptions.Target.HUB;
        boolean auth = hub && !switches.contains("no-auth");
        boolean verifyStored = hub && switches.contains("verify-stored");
        List<String> channels = options.list("channels", options.list("channel", List.of("fed-29")));
        String subscriberUrls = options.text("subscriber-urls", null);
        BenchOptions parsed = new BenchOptions(
                baseUrl,
                target,
                auth,
                options.text("admin-user", "admin"),
                options.text("admin-password", System.getenv().getOrDefault("RELAIS_ADMIN_PASSWORD", "")),
                channels,
                options.text("federation", "29"),
                subscriberUrls == null ? List.of(baseUrl)
                        : Arrays.stream(subscriberUrls.split(",")).map(String::trim).map(URI::create).toList(),
                options.positive("subscribers", 1000),
                options.atLeastZero("subscriber-accounts", 4),
                options.text("subscriber-password", "Bench-Relais-2025!"),
                options.positive("publishers", 1),
                options.rates("rate", List.of(200)),
                options.atLeastZero("stop-at-p99", 0),
                options.duration("prewarm", Duration.ZERO),
                options.duration("warmup", Duration.ofSeconds(5)),
                options.duration("duration", Duration.ofSeconds(30)),
                options.duration("drain", Duration.ofSeconds(15)),
                options.positive("text-length", 100),
                // The baseline never answers a SEND receipt: asking would only measure timeouts.
                hub && (switches.contains("receipts") || verifyStored),
                options.atLeastZero("server-pid", 0),
                options.positive("clk-tck", 100),
                options.positive("connect-concurrency", 32),
                options.positive("client-threads", 2),
                switches.contains("heap-after-round"),
                verifyStored,
                options.rates("idle-connections", List.of()),
                options.list("idle-topics", List.of("riposte-numerique", "visuels", "directs")),
                pathOrNull(options.text("results-file", null)),
                options.text("label", hub ? "hub" : "baseline"),
                switches.contains("live"),
                options.atLeastZero("reactors", 0),
                reactionBurst(options.text("reaction-burst", null)),
                options.atLeastZero("live-slow-mode", 0));
        options.rejectUnknown();
        if (parsed.reactors() > 0 && !parsed.live()) {
            throw new IllegalArgumentException("--reactors needs --live");
        }
        if (parsed.reactors() > parsed.subscribers()) {
            throw new IllegalArgumentException("--reactors cannot exceed --subscribers: reactors are subscriber connections");
        }
        if (auth && parsed.adminPassword().isEmpty()) {
            throw new IllegalArgumentException("no admin password: pass --admin-password or set RELAIS_ADMIN_PASSWORD");
        }
        return parsed;
    }

    private static ReactionBurst reactionBurst(String value) {
        return value == null ? ReactionBurst.DEFAULT : ReactionBurst.parse(value);
    }

    private static Path pathOrNull(String value) {
        return value == null ? null : Path.of(value);
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

        List<String> list(String name, List<String> fallback) {
            String value = raw.remove(name);
            if (value == null) {
                return fallback;
            }
            List<String> items = Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
            if (items.isEmpty()) {
                throw new IllegalArgumentException("--" + name + " is empty");
            }
            return items;
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
