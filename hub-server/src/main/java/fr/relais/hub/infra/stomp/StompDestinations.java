package fr.relais.hub.infra.stomp;

import fr.relais.hub.identity.User;

/**
 * A feature's share of the STOMP destination map. Each feature that publishes on its own topics or
 * handles its own {@code /app/...} SENDs declares a bean of this type; the gate asks every bean and
 * refuses destinations none of them knows.
 */
public interface StompDestinations {
    /**
     * @return false if this feature does not own the destination; true if it does and the user may
     *         subscribe
     * @throws fr.relais.hub.common.RelaisException if it owns the destination and the user may not subscribe
     */
    boolean allowsSubscribe(User user, String destination);

    /** Whether an {@code /app/...} SEND to this destination is handled by this feature. */
    boolean handlesSend(String destination);
}
