package fr.relais.hub.realtime.cluster;

import java.util.function.Consumer;

/** Carries envelopes to the other nodes. */
public interface ClusterBus {
    /** This node's id, carried as {@code origin} so a node ignores its own envelopes. */
    String nodeId();

    /** Best effort: never blocks the caller, never throws; a lost envelope is repaired from MongoDB. */
    void publish(Envelope envelope);

    void onReceive(Consumer<Envelope> receiver);

    /** Called after the connection to the bus came back, so nodes can catch up on what crossed it meanwhile. */
    void onReconnect(Runnable action);

    boolean connected();
}
