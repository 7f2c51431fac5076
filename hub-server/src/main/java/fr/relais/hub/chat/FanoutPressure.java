package fr.relais.hub.chat;

/**
 * Whether live delivery on this node is so far behind that new writes should be refused for now
 * ({@code overloaded}) rather than stored and queued for delivery without bound. Implemented by the
 * fan-out ({@code realtime.FanoutShards}).
 */
public interface FanoutPressure {
    boolean saturated();
}
