package fr.relais.bench;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.hub.HubRestClient;
import fr.relais.bench.load.FanoutRound;
import fr.relais.bench.load.Publisher;
import fr.relais.bench.load.SubscriberFleet;
import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.measure.ProcessCpu;
import fr.relais.bench.measure.RoundStats;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.options.BenchOptionsParser;
import fr.relais.bench.report.MarkdownReport;
import fr.relais.bench.report.RoundResult;
import fr.relais.sdk.stomp.StompClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fan-out benchmark: one channel, many subscriber connections, publishers at fixed offered
 * rates; reports end-to-end latency, delivery rate, losses and the hub's CPU cost per delivery.
 * Meant for a hub on localhost.
 */
public final class FanoutBench {

    private FanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptionsParser.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptionsParser.USAGE);
            System.exit(2);
            return;
        }
        int status = run(options);
        // Connection threads of the JDK HttpClient would otherwise keep the JVM up for a while.
        System.exit(status);
    }

    private static int run(BenchOptions options) throws Exception {
        HubRestClient hub = new HubRestClient(options.baseUrl());
        if (!hub.isHealthy()) {
            System.err.println("hub at " + options.baseUrl() + " is not healthy (GET /actuator/health)");
            return 1;
        }
        BenchAccounts accounts = BenchAccounts.prepare(hub, options);
        List<RoundStats> rounds = new ArrayList<>();
        for (int rate : options.rates()) {
            rounds.add(new RoundStats(rounds.size(), rate));
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        DeliveryTracker tracker = new DeliveryTracker(options.subscribers(), rounds);
        ExecutorService callbackThreads = Executors.newFixedThreadPool(options.clientThreads(), daemonThreads());
        HttpClient http = HttpClient.newBuilder().executor(callbackThreads).connectTimeout(Duration.ofSeconds(10)).build();

        long openStart = System.nanoTime();
        SubscriberFleet fleet = SubscriberFleet.open(options, accounts, http, tracker);
        System.err.printf("%d subscriber connections open in %.1f s (%d failed, subscribe receipts: %s)%n",
                fleet.connected(), (System.nanoTime() - openStart) / 1e9, fleet.failedConnections(),
                fleet.subscribeReceipts() ? "yes" : "no");
        List<Publisher> publishers = openPublishers(options, accounts, http, runId, rounds);

        ProcessCpu hubCpu = options.serverPid() > 0 ? new ProcessCpu(options.serverPid(), options.clockTicksPerSecond()) : null;
        FanoutRound round = new FanoutRound(options, publishers, fleet, tracker, hubCpu,
                ProcessCpu.self(options.clockTicksPerSecond()));
        List<RoundResult> results = new ArrayList<>();
        for (RoundStats stats : rounds) {
            RoundResult result = round.run(stats);
            results.add(result);
            System.err.println(MarkdownReport.progressLine(result));
            if (result.saturated()) {
                // A higher rate would start on top of this backlog and measure nothing new.
                System.err.println("stopping the rate ladder: the hub did not catch up within --drain");
                break;
            }
        }
        if (tracker.otherFrames() > 0) {
            System.err.println("MESSAGE frames that were not bench messages: " + tracker.otherFrames());
        }
        MarkdownReport.print(System.out, options, results);

        publishers.forEach(publisher -> publisher.client().disconnect());
        fleet.close();
        return 0;
    }

    private static List<Publisher> openPublishers(BenchOptions options, BenchAccounts accounts, HttpClient http,
                                                  String runId, List<RoundStats> rounds) throws Exception {
        AtomicLong messageNumbers = new AtomicLong();
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < options.publishers(); i++) {
            StompClient client = StompClient.connect(http, options.webSocketUri(),
                            Map.of("Authorization", "Bearer " + accounts.publisherToken()),
                            Map.of("Origin", options.baseUrl().toString()))
                    .get(30, TimeUnit.SECONDS);
            publishers.add(new Publisher(i, options.publishers(), client, options, runId, messageNumbers, rounds));
        }
        return publishers;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return Thread.ofPlatform().name("bench-ws-", 0).daemon(true).factory();
    }
}
