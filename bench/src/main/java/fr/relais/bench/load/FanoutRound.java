package fr.relais.bench.load;

import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.measure.ProcessCpu;
import fr.relais.bench.measure.RoundStats;
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

    private final BenchOptions options;
    private final List<Publisher> publishers;
    private final SubscriberFleet fleet;
    private final DeliveryTracker tracker;
    private final ProcessCpu hubCpu;
    private final ProcessCpu benchCpu;

    public FanoutRound(BenchOptions options, List<Publisher> publishers, SubscriberFleet fleet,
                       DeliveryTracker tracker, ProcessCpu hubCpu, ProcessCpu benchCpu) {
        this.options = options;
        this.publishers = List.copyOf(publishers);
        this.fleet = fleet;
        this.tracker = tracker;
        this.hubCpu = hubCpu;
        this.benchCpu = benchCpu;
    }

    public RoundResult run(RoundStats round) throws InterruptedException {
        RoundSchedule schedule = RoundSchedule.startingIn(START_DELAY, options.warmup(), options.duration());
        List<Thread> senders = new ArrayList<>();
        for (Publisher publisher : publishers) {
            senders.add(Thread.ofPlatform().name("publisher-" + senders.size()).start(() -> publisher.run(round, schedule)));
        }
        RoundSchedule.sleepUntil(schedule.measureStartNanos());
        WindowSample start = sample();
        RoundSchedule.sleepUntil(schedule.endNanos());
        WindowSample end = sample();
        for (Thread sender : senders) {
            sender.join();
        }
        drain(round, schedule);
        return RoundResult.of(round, fleet.connected(), schedule.measuredSeconds(),
                end.deliveries() - start.deliveries(), end.hubCpuSeconds() - start.hubCpuSeconds(),
                end.benchCpuSeconds() - start.benchCpuSeconds(), fleet.closedByServer());
    }

    private WindowSample sample() {
        return new WindowSample(tracker.benchDeliveries(), hubCpu == null ? Double.NaN : hubCpu.seconds(), benchCpu.seconds());
    }

    private void drain(RoundStats round, RoundSchedule schedule) throws InterruptedException {
        long deadline = schedule.endNanos() + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            long expected = (round.sent() - round.rejected()) * fleet.connected();
            boolean receiptsSettled = round.receiptsInFlight() == 0;
            boolean allDelivered = round.uniqueDeliveries() >= expected;
            boolean idle = System.nanoTime() - round.lastDeliveryNanos() > IDLE_BEFORE_GIVING_UP.toNanos();
            if (receiptsSettled && (allDelivered || idle)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private record WindowSample(long deliveries, double hubCpuSeconds, double benchCpuSeconds) {
    }
}
