package fr.relais.hub.relay;

import java.time.Instant;

/** A federation's acknowledgement of a consigne. */
public record Ack(String itemId, String federation, RelayItem.AckState state, String byId, String byUsername, Instant at) {
}
