package fr.relais.bench.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and latency histograms of one round (one offered rate), written concurrently by
 * publishers and subscriber callbacks. Only messages of the measured phase count, except where
 * a name says otherwise.
 */
public final class RoundStats {

    private static final long MAX_TRACKED_MICROS = TimeUnit.MINUTES.toMicros(5);

    private final int index;
    private final int offeredRate;
    private final LongAdder warmupSent = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder deliveriesOwed = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder receiptFailures = new LongAdder();
    private final AtomicLong receiptsInFlight = new AtomicLong();
    private final LongAdder uniqueDeliveries = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder seqRegressions = new LongAdder();
    private final AtomicLong lastDeliveryNanos = new AtomicLong(System.nanoTime());
    private final Recorder latencyMicros = new Recorder(MAX_TRACKED_MICROS, 3);
    private final Recorder receiptLatencyMicros = new Recorder(MAX_TRACKED_MICROS, 3);
    private final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();

    public RoundStats(int index, int offeredRate) {
        this.index = index;
        this.offeredRate = offeredRate;
    }

    public int index() {
        return index;
    }

    public int offeredRate() {
        return offeredRate;
    }

    /** @param owed subscribers of the message's channel: the deliveries it should make */
    public void onSent(boolean measured, int owed) {
        (measured ? sent : warmupSent).increment();
        if (measured) {
            deliveriesOwed.add(owed);
        }
    }

    public void onReceiptRequested() {
        receiptsInFlight.incrementAndGet();
    }

    public void onReceipt(boolean measured, long dueNanos, long receivedNanos) {
        receiptsInFlight.decrementAndGet();
        if (measured) {
            acked.increment();
            receiptLatencyMicros.recordValue(micros(receivedNanos - dueNanos));
        }
    }

    /** The SEND was refused (counted by {@link #onRejected}): no receipt is coming. */
    public void onReceiptSettledByRefusal() {
        receiptsInFlight.decrementAndGet();
    }

    /** No receipt within the timeout, or the connection failed. */
    public void onReceiptFailed(boolean measured) {
        receiptsInFlight.decrementAndGet();
        if (measured) {
            receiptFailures.increment();
        }
    }

    /** The hub refused a SEND (error event on {@code /user/queue/errors}), in any phase. */
    public void onRejected(boolean measured, String code, int owed) {
        errorCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
        if (measured) {
            rejected.increment();
            deliveriesOwed.add(-owed);
        }
    }

    void onDelivery(boolean measured, long dueNanos, long receivedNanos, SubscriberLedger.Check check) {
        lastDeliveryNanos.accumulateAndGet(receivedNanos, Math::max);
        if (check == SubscriberLedger.Check.DUPLICATE) {
            duplicates.increment();
            return;
        }
        if (check == SubscriberLedger.Check.SEQ_REGRESSION) {
            seqRegressions.increment();
        }
        if (measured) {
            uniqueDeliveries.increment();
            latencyMicros.recordValue(micros(receivedNanos - dueNanos));
        }
    }

    public long warmupSent() {
        return warmupSent.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    /** Deliveries the measured messages that were not refused should make. */
    public long expectedDeliveries() {
        return deliveriesOwed.sum();
    }

    public long acked() {
        return acked.sum();
    }

    public long receiptFailures() {
        return receiptFailures.sum();
    }

    public long receiptsInFlight() {
        return receiptsInFlight.get();
    }

    public long uniqueDeliveries() {
        return uniqueDeliveries.sum();
    }

    /** Same message delivered more than once to one subscriber, in any phase. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** First-time deliveries whose seq was not above the subscriber's previous one, in any phase. */
    public long seqRegressions() {
        return seqRegressions.sum();
    }

    public long lastDeliveryNanos() {
        return lastDeliveryNanos.get();
    }

    /** Call once, after the round: the recorders hand over what they hold. */
    public Histogram latencyHistogram() {
        return latencyMicros.getIntervalHistogram();
    }

    public Histogram receiptLatencyHistogram() {
        return receiptLatencyMicros.getIntervalHistogram();
    }

    public Map<String, Long> errorCodes() {
        Map<String, Long> codes = new TreeMap<>();
        errorCodes.forEach((code, count) -> codes.put(code, count.sum()));
        return codes;
    }

    private static long micros(long nanos) {
        return Math.min(MAX_TRACKED_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }
}
