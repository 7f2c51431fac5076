package fr.relais.bench.measure;

/** Told about each first-time delivery of a bench message, after the tracker booked it. */
@FunctionalInterface
public interface DeliveryObserver {

    DeliveryObserver NONE = (message, receivedNanos) -> { };

    /** Runs on a WebSocket listener thread: must stay cheap and never block. */
    void onFirstDelivery(BenchMessage message, long receivedNanos);
}
