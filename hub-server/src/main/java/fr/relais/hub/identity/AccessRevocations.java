package fr.relais.hub.identity;

/**
 * The port through which revocations reach every node. The in-process implementation
 * ({@code infra.security.InProcessAccessRevocations}) delivers them as application events on this
 * node; a cluster implementation (Redis) delivers the same events on every node. Listeners react
 * with {@code @EventListener} on {@link AccessRevoked} or one of its records.
 */
public interface AccessRevocations {
    void publish(AccessRevoked event);
}
