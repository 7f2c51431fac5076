package fr.relais.bench;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.hub.HubRestClient;
import fr.relais.bench.live.LiveEnding;
import fr.relais.bench.live.LiveLoad;
import fr.relais.bench.live.LiveReport;
import fr.relais.bench.live.LiveRoundResult;
import fr.relais.bench.load.ChannelPlan;
import fr.relais.bench.load.FanoutRound;
import fr.relais.bench.load.IdleConnections;
import fr.relais.bench.load.Publisher;
import fr.relais.bench.load.SubscriberFleet;
import fr.relais.bench.measure.DeliveryObserver;
import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.measure.ProcessCpu;
import fr.relais.bench.measure.RoundStats;
import fr.relais.bench.measure.ServerMemory;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.options.BenchOptionsParser;
import fr.relais.bench.report.MarkdownReport;
import fr.relais.bench.report.MemoryStep;
import fr.relais.bench.report.ResultsFile;
import fr.relais.bench.report.RoundResult;
import fr.relais.bench.report.RoundRow;
import fr.relais.bench.verify.AckLedger;
import fr.relais.bench.verify.StoredCheck;
import fr.relais.bench.verify.StoredReconciliation;
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
 * Fan-out benchmark: channels, many subscriber connections, publishers at fixed offered rates;
 * reports end-to-end latency, delivery rate, losses and the server's CPU cost per delivery. Runs
 * against the hub or the plain Spring broker of {@code bench/baseline}; in idle mode, measures
 * memory per open connection instead; with {@code --live}, adds a live session with reaction
 * bursts to the rounds. Meant for a server on localhost.
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
        boolean up = options.target() == BenchOptions.Target.HUB ? hub.isHealthy() : hub.isReachable();
        if (!up) {
            System.err.println("server at " + options.baseUrl() + " is not up (hub: GET /actuator/health = UP; baseline: any HTTP answer)");
            return 1;
        }
        int connections = options.idleMode() ? options.idleConnections().getLast() : options.subscribers();
        ChannelPlan plan = new ChannelPlan(options.channels(), connections, options.subscriberUrls());
        BenchAccounts accounts = BenchAccounts.prepare(hub, options, plan);
        List<RoundStats> rounds = new ArrayList<>();
        for (int rate : options.rates()) {
            rounds.add(new RoundStats(rounds.size(), rate));
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        LiveLoad live = options.live() && !options.idleMode() ? new LiveLoad(options, connections, rounds.size()) : null;
        DeliveryTracker tracker = new DeliveryTracker(connections, rounds,
                live == null ? DeliveryObserver.NONE : live.deliverySplit());
        ExecutorService callbackThreads = Executors.newFixedThreadPool(options.clientThreads(), daemonThreads());
        HttpClient http = HttpClient.newBuilder().executor(callbackThreads).connectTimeout(Duration.ofSeconds(10)).build();
        ServerMemory serverMemory = options.serverPid() > 0 ? new ServerMemory(options.serverPid()) : null;

        if (options.idleMode()) {
            if (serverMemory == null) {
                System.err.println("idle mode measures the server's memory: pass --server-pid");
                return 2;
            }
            List<MemoryStep> steps = new IdleConnections(options, plan, accounts, http, tracker, serverMemory).run();
            System.out.println();
            System.out.print(MemoryStep.markdown(options.label(), steps));
            return 0;
        }

        if (live != null && options.target() == BenchOptions.Target.HUB) {
            // Before the watchers connect: the banner message it posts is then history, not a delivery.
            hub.startLive(accounts.adminToken(), live.channelId(), "Bench live " + runId, options.liveSlowModeSeconds());
            System.err.println("live session started on " + live.channelId());
        }
        long openStart = System.nanoTime();
        SubscriberFleet fleet = SubscriberFleet.open(options, plan, accounts, http, tracker,
                live == null ? null : new SubscriberFleet.ExtraTopic(live.topic(), live.watchers()::onFrame));
        System.err.printf("%d subscriber connections open in %.1f s (%d failed, subscribe receipts: %s)%n",
                fleet.connected(), (System.nanoTime() - openStart) / 1e9, fleet.failedConnections(),
                fleet.subscribeReceipts() ? "yes" : "no");
        if (live != null) {
            live.connectedWatchers(fleet.connected());
            live.attachReactors(fleet.clients(), runId);
        }
        AckLedger ackLedger = options.verifyStored() ? new AckLedger() : null;
        List<Publisher> publishers = openPublishers(options, accounts, http, runId, rounds, plan, ackLedger);

        ProcessCpu hubCpu = options.serverPid() > 0 ? new ProcessCpu(options.serverPid(), options.clockTicksPerSecond()) : null;
        FanoutRound round = new FanoutRound(options, publishers, fleet, tracker, hubCpu,
                ProcessCpu.self(options.clockTicksPerSecond()), serverMemory, live);
        List<RoundResult> results = new ArrayList<>();
        List<LiveRoundResult> liveResults = new ArrayList<>();
        for (RoundStats stats : rounds) {
            RoundResult result = round.run(stats);
            results.add(result);
            System.err.println(MarkdownReport.progressLine(result));
            if (live != null) {
                liveResults.add(live.finish(stats));
                System.err.println(LiveReport.progressLine(liveResults.getLast()));
            }
            if (result.saturated()) {
                // A higher rate would start on top of this backlog and measure nothing new.
                System.err.println("stopping the rate ladder: the server did not catch up within --drain");
                break;
            }
            if (options.stopAtP99Millis() > 0 && result.latency().p99() > options.stopAtP99Millis()) {
                System.err.println("stopping the rate ladder: p99 above " + options.stopAtP99Millis() + " ms");
                break;
            }
        }
        if (tracker.otherFrames() > 0) {
            System.err.println("MESSAGE frames that were not bench messages: " + tracker.otherFrames());
        }
        MarkdownReport.print(System.out, options, results);
        if (options.resultsFile() != null) {
            ResultsFile.append(options.resultsFile(), results.stream().map(r -> RoundRow.of(options.label(), r)).toList());
        }
        int status = 0;
        if (live != null) {
            LiveReport.print(System.out, options, results, liveResults);
            // Only a count that cannot be explained fails the run: a round whose backlog outlasted the
            // drain (the baseline's per-reaction fan-out) is reported, not a failure of the bench.
            if (!LiveEnding.endAndReconcile(options, hub, accounts, live, System.out)) {
                status = 4;
            }
        }
        if (ackLedger != null) {
            List<StoredReconciliation> checks = new StoredCheck(hub, accounts.adminToken()).run(ackLedger, options.channels(), runId);
            System.out.println(StoredCheck.describe(checks));
            if (checks.stream().anyMatch(c -> c.acknowledgedMissing() > 0 || c.storedTwice() > 0)) {
                status = 3;
            }
        }

        publishers.forEach(publisher -> publisher.client().disconnect());
        fleet.close();
        return status;
    }

    private static List<Publisher> openPublishers(BenchOptions options, BenchAccounts accounts, HttpClient http,
                                                  String runId, List<RoundStats> rounds, ChannelPlan plan,
                                                  AckLedger ackLedger) throws Exception {
        AtomicLong messageNumbers = new AtomicLong();
        List<Publisher> publishers = new ArrayList<>();
        for (int i = 0; i < options.publishers(); i++) {
            StompClient client = StompClient.connect(http, options.webSocketUri(), accounts.publisherHeaders(),
                            Map.of("Origin", options.baseUrl().toString()))
                    .get(30, TimeUnit.SECONDS);
            publishers.add(new Publisher(i, options.publishers(), client, options, runId, messageNumbers, rounds, plan,
                    ackLedger));
        }
        return publishers;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return Thread.ofPlatform().name("bench-ws-", 0).daemon(true).factory();
    }
}
