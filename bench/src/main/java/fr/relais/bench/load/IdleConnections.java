package fr.relais.bench.load;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.measure.ServerMemory;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.report.MemoryStep;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle mode: what an open, subscribed, silent connection costs the server. Measures the live
 * heap (after forced GCs) and the RSS with no bench connection, then after each cumulative step
 * of connections, each subscribed to its own channel of the plan and to every idle topic.
 */
public final class IdleConnections {

    /** Lets the server finish registering subscriptions and settle its buffers before measuring. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final ChannelPlan plan;
    private final BenchAccounts accounts;
    private final HttpClient http;
    private final DeliveryTracker tracker;
    private final ServerMemory memory;

    public IdleConnections(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http,
                           DeliveryTracker tracker, ServerMemory memory) {
        this.options = options;
        this.plan = plan;
        this.accounts = accounts;
        this.http = http;
        this.tracker = tracker;
        this.memory = memory;
    }

    /** Returns the steps, the first one with no connection; the fleets opened are closed at the end. */
    public List<MemoryStep> run() throws Exception {
        List<MemoryStep> steps = new ArrayList<>();
        MemoryStep none = measure(0, null);
        steps.add(none);
        List<SubscriberFleet> fleets = new ArrayList<>();
        int open = 0;
        try {
            for (int target : options.idleConnections()) {
                if (target <= open) {
                    continue;
                }
                long start = System.nanoTime();
                SubscriberFleet fleet = SubscriberFleet.open(options, plan, accounts, http, tracker, options.idleTopics(),
                        open, target);
                fleets.add(fleet);
                open += fleet.connected();
                System.err.printf("%d more idle connections in %.1f s (%d failed); %d open, %d closed by the server%n",
                        fleet.connected(), (System.nanoTime() - start) / 1e9, fleet.failedConnections(), open,
                        fleets.stream().mapToInt(SubscriberFleet::closedByServer).sum());
                Thread.sleep(SETTLE.toMillis());
                steps.add(measure(open, none));
                if (fleet.failedConnections() > 0) {
                    System.err.println("stopping: connections failed, this is the largest count reached");
                    break;
                }
            }
            System.err.println("largest live objects in the server with " + open + " idle connections:");
            System.err.print(memory.classHistogram(40));
        } finally {
            fleets.forEach(SubscriberFleet::close);
        }
        return steps;
    }

    private MemoryStep measure(int connections, MemoryStep none) {
        long heap = memory.liveHeapKiB();
        long rss = memory.rssKiB();
        MemoryStep step = MemoryStep.of(connections, heap, rss, none);
        System.err.printf("%d connections: live heap %d KiB, RSS %d KiB%n", connections, heap, rss);
        return step;
    }
}
