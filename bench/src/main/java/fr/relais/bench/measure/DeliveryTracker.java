package fr.relais.bench.measure;

import fr.relais.sdk.stomp.StompFrame;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Receives every MESSAGE of every subscriber connection and books it on the round its bench
 * message belongs to, so late deliveries of a previous round still count for that round.
 */
public final class DeliveryTracker {

    private final SubscriberLedger[] ledgers;
    private final List<RoundStats> rounds;
    private final LongAdder benchDeliveries = new LongAdder();
    private final LongAdder otherFrames = new LongAdder();
    private final DeliveryObserver observer;

    public DeliveryTracker(int subscribers, List<RoundStats> rounds) {
        this(subscribers, rounds, DeliveryObserver.NONE);
    }

    /** @param observer also told of every first-time delivery (the live scenario splits latencies by bursts) */
    public DeliveryTracker(int subscribers, List<RoundStats> rounds, DeliveryObserver observer) {
        this.observer = observer;
        this.ledgers = new SubscriberLedger[subscribers];
        for (int i = 0; i < subscribers; i++) {
            ledgers[i] = new SubscriberLedger();
        }
        this.rounds = List.copyOf(rounds);
    }

    /** Runs on a WebSocket listener thread: must stay cheap and never block. */
    public void onMessage(int subscriber, StompFrame frame) {
        long receivedNanos = System.nanoTime();
        MessageEvents.Delivery delivery = MessageEvents.parse(frame.body());
        if (delivery == null || delivery.message().round() >= rounds.size()) {
            otherFrames.increment();
            return;
        }
        benchDeliveries.increment();
        BenchMessage message = delivery.message();
        SubscriberLedger.Check check = ledgers[subscriber].record(message.number(), delivery.seq());
        rounds.get(message.round()).onDelivery(message.measured(), message.sentNanos(), receivedNanos, check);
        if (check != SubscriberLedger.Check.DUPLICATE) {
            observer.onFirstDelivery(message, receivedNanos);
        }
    }

    /** Every bench delivery so far, all rounds and phases: sampled around a measurement window. */
    public long benchDeliveries() {
        return benchDeliveries.sum();
    }

    /** MESSAGE frames that were not bench messages (other event types, foreign messages). */
    public long otherFrames() {
        return otherFrames.sum();
    }
}
