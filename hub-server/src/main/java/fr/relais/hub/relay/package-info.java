/**
 * Approved-content relay to the 102 federations: proposals ({@link fr.relais.hub.relay.RelayWorkflow}:
 * propose, comment, request changes, approve, reject, release), scheduling into prime-time slots
 * ({@link fr.relais.hub.relay.PrimeTimeSlots}), the sweep that makes approved items due or holds them in a
 * blackout window ({@link fr.relais.hub.relay.RelaySweep}, once across nodes), the runs a relay bot
 * posts and reports ({@link fr.relais.hub.relay.RelayRuns}), consignes with acknowledgement and escalation
 * ({@link fr.relais.hub.relay.Consignes}), per-federation reach and engagement figures
 * ({@link fr.relais.hub.relay.RelayFigures}) and blackout windows ({@link fr.relais.hub.relay.Blackouts},
 * also a {@code chat.PostPolicy} that holds bots' posts). {@code store/} owns {@code relay_items},
 * {@code relay_deliveries}, {@code relay_acks}, {@code relay_claims} and {@code relay_blackouts};
 * {@code web/} the REST API and the staff topic {@code /topic/relay}.
 */
package fr.relais.hub.relay;
