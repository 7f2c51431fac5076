package fr.relais.bench.live;

import fr.relais.bench.measure.BenchMessage;
import fr.relais.bench.measure.DeliveryObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Message delivery latency of the measured window, split in two: messages due while a burst
 * (or its aggregate, a second later) was weighing on the server, and the others. The bursts of
 * a round are known before its first message is due, so each delivery is classified once, by
 * its due time.
 */
public final class BurstLatencySplit implements DeliveryObserver {

    private static final long MAX_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final List<List<Burst>> burstsByRound;
    private final Recorder[] duringBursts;
    private final Recorder[] quiet;

    public BurstLatencySplit(int rounds) {
        this.burstsByRound = new CopyOnWriteArrayList<>();
        this.duringBursts = new Recorder[rounds];
        this.quiet = new Recorder[rounds];
        for (int i = 0; i < rounds; i++) {
            burstsByRound.add(List.of());
            duringBursts[i] = new Recorder(MAX_TRACKED_MICROS, 3);
            quiet[i] = new Recorder(MAX_TRACKED_MICROS, 3);
        }
    }

    /** Before the round starts. */
    public void planRound(int round, List<Burst> bursts) {
        burstsByRound.set(round, List.copyOf(bursts));
    }

    @Override
    public void onFirstDelivery(BenchMessage message, long receivedNanos) {
        if (!message.measured() || message.round() >= duringBursts.length) {
            return;
        }
        long micros = Math.min(MAX_TRACKED_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(receivedNanos - message.sentNanos())));
        (duringBurst(message.round(), message.sentNanos()) ? duringBursts : quiet)[message.round()].recordValue(micros);
    }

    boolean duringBurst(int round, long dueNanos) {
        for (Burst burst : burstsByRound.get(round)) {
            if (burst.affects(dueNanos)) {
                return true;
            }
        }
        return false;
    }

    /** Call once, after the round. */
    public Histogram duringBursts(int round) {
        return duringBursts[round].getIntervalHistogram();
    }

    /** Call once, after the round. */
    public Histogram quiet(int round) {
        return quiet[round].getIntervalHistogram();
    }
}
