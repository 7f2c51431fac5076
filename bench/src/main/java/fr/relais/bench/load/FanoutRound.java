package fr.relais.bench.load;

import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.measure.MachineCpu;
import fr.relais.bench.measure.ProcessCpu;
import fr.relais.bench.measure.RoundStats;
import fr.relais.bench.measure.ServerMemory;
import fr.relais.bench.options.BenchOptions;
import fr.relais.bench.report.RoundResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One offered rate: warm-up, measured window, then a drain that waits for late deliveries
 * and receipts before counting what is missing.
 */
public final class FanoutRound {

    private static final Duration START_DELAY = Duration.ofMillis(200);
    private static final Duration IDLE_BEFORE_GIVING_UP = Duration.ofSeconds(3);
    private static final Duration RSS_SAMPLE_EVERY = Duration.ofMillis(500);

    private final BenchOptions options;
    private final List<Publisher> publishers;
    private final SubscriberFleet fleet;
    private final DeliveryTracker tracker;
    private final ProcessCpu hubCpu;
    private final ProcessCpu benchCpu;
    private final MachineCpu machineCpu;
    private final ServerMemory serverMemory;
    private final RoundSideLoad sideLoad;

    /**
     * @param hubCpu       CPU time of the server under test, or {@code null}
     * @param serverMemory memory of the server under test, or {@code null}
     * @param sideLoad     load sent alongside the publishers (reaction bursts), or {@code null}
     */
    public FanoutRound(BenchOptions options, List<Publisher> publishers, SubscriberFleet fleet,
                       DeliveryTracker tracker, ProcessCpu hubCpu, ProcessCpu benchCpu, ServerMemory serverMemory,
                       RoundSideLoad sideLoad) {
        this.options = options;
        this.publishers = List.copyOf(publishers);
        this.fleet = fleet;
        this.tracker = tracker;
        this.hubCpu = hubCpu;
        this.benchCpu = benchCpu;
        this.machineCpu = new MachineCpu(options.clockTicksPerSecond());
        this.serverMemory = serverMemory;
        this.sideLoad = sideLoad;
    }

    public RoundResult run(RoundStats round) throws InterruptedException {
        Duration warmup = round.index() == 0 ? options.warmup().plus(options.prewarm()) : options.warmup();
        RoundSchedule schedule = RoundSchedule.startingIn(START_DELAY, warmup, options.duration());
        List<Thread> senders = new ArrayList<>();
        if (sideLoad != null) {
            sideLoad.plan(round, schedule);
            senders.add(Thread.ofPlatform().name("side-load").start(() -> sideLoad.send(round, schedule)));
        }
        for (Publisher publisher : publishers) {
            senders.add(Thread.ofPlatform().name("publisher-" + publishers.indexOf(publisher)).start(() -> publisher.run(round, schedule)));
        }
        RoundSchedule.sleepUntil(schedule.measureStartNanos());
        WindowSample start = sample();
        if (sideLoad != null) {
            sideLoad.windowStarted(round);
        }
        long maxRssKiB = sleepSamplingRss(schedule.endNanos());
        WindowSample end = sample();
        if (sideLoad != null) {
            sideLoad.windowEnded(round);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        DrainOutcome drained = drain(round, schedule);
        long liveHeapKiB = options.heapAfterRound() && serverMemory != null ? serverMemory.liveHeapKiB() : -1;
        return RoundResult.of(round, fleet.connected(), schedule.measuredSeconds(),
                end.deliveries() - start.deliveries(), end.hubCpuSeconds() - start.hubCpuSeconds(),
                end.benchCpuSeconds() - start.benchCpuSeconds(), end.machineCpuSeconds() - start.machineCpuSeconds(),
                fleet.closedByServer(),
                drained == DrainOutcome.STILL_DELIVERING, maxRssKiB, liveHeapKiB);
    }

    /** Waits for the end of the window, reading the server's RSS twice a second; the highest, in KiB (-1 if unknown). */
    private long sleepSamplingRss(long untilNanos) {
        long max = -1;
        while (System.nanoTime() < untilNanos) {
            if (serverMemory != null) {
                max = Math.max(max, serverMemory.rssKiB());
            }
            RoundSchedule.sleepUntil(Math.min(untilNanos, System.nanoTime() + RSS_SAMPLE_EVERY.toNanos()));
        }
        return max;
    }

    private WindowSample sample() {
        return new WindowSample(tracker.benchDeliveries(), hubCpu == null ? Double.NaN : hubCpu.seconds(), benchCpu.seconds(),
                machineCpu.busySeconds());
    }

    /**
     * How the wait for late deliveries ended. Deliveries still flowing at the deadline mean a
     * backlog, not losses: the hub could not keep up with the offered rate.
     */
    private enum DrainOutcome { COMPLETE, WENT_QUIET, STILL_DELIVERING }

    private DrainOutcome drain(RoundStats round, RoundSchedule schedule) throws InterruptedException {
        long deadline = schedule.endNanos() + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            long expected = round.expectedDeliveries();
            boolean receiptsSettled = round.receiptsInFlight() == 0;
            boolean sideSettled = sideLoad == null || sideLoad.settled(round);
            if (receiptsSettled && sideSettled && round.uniqueDeliveries() >= expected) {
                return DrainOutcome.COMPLETE;
            }
            boolean sideQuiet = sideLoad == null || sideSettled || sideLoad.quiet(IDLE_BEFORE_GIVING_UP.toNanos());
            if (receiptsSettled && sideQuiet && System.nanoTime() - round.lastDeliveryNanos() > IDLE_BEFORE_GIVING_UP.toNanos()) {
                return DrainOutcome.WENT_QUIET;
            }
            Thread.sleep(100);
        }
        return DrainOutcome.STILL_DELIVERING;
    }

    private record WindowSample(long deliveries, double hubCpuSeconds, double benchCpuSeconds, double machineCpuSeconds) {
    }
}
